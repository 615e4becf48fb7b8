package org.hpcstatus.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.hpcstatus.collector.config.CollectorConfig;
import org.hpcstatus.collector.config.ConfigException;
import org.hpcstatus.collector.config.CredentialsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file and the credentials file: what they accept, and the one line each mistake gets. */
class CollectorConfigTests {

    private static final String MINIMAL = """
            service: {url: "http://status.example.org/", credentials_file: creds}
            system: {name: derecho, kind: cluster}
            scheduler: slurm
            """;

    @TempDir
    Path dir;

    @Test
    void theIssuesExampleReadsWithItsDefaults() throws IOException {
        CollectorConfig config = load(MINIMAL + """
                cpu_partitions: [main, preempt, develop]
                gpu_partitions: [gpumain, gpudev]
                login_nodes: [{name: derecho1, ssh: derecho1}, {name: derecho5, ssh: derecho5, type: gpu}]
                filesystems: [{name: glade, path: /glade, type: lustre}]
                """);
        assertEquals("http://status.example.org", config.serviceUrl().toString());
        assertEquals(dir.resolve("creds"), config.credentialsFile());
        assertEquals(List.of("main", "preempt", "develop"), config.cpuPartitions());
        assertEquals("gpu", config.loginNodes().get(1).type());
        assertEquals("lustre", config.filesystems().get(0).type());
        assertEquals(Duration.ofSeconds(60), config.commandTimeout());
        assertEquals(288, config.spoolMaxFiles());
        assertEquals(dir.resolve("spool"), config.spoolDirectory());
    }

    @Test
    void eachMistakeIsOneLineNamingTheKey() {
        assertEquals("unknown key cpu_partition (known here: service, system, scheduler, cpu_partitions, gpu_partitions,"
                + " viz_partitions, pbs_node_type_resource, login_nodes, filesystems, commands, spool, outages,"
                + " queue_waits, jupyterhub)",
                problem(MINIMAL + "cpu_partition: [main]\n"));
        assertEquals("missing service.url", problem("""
                service: {credentials_file: creds}
                system: {name: derecho, kind: cluster}
                scheduler: slurm
                """));
        assertEquals("system.kind must be one of cluster, heterogeneous-cluster, jupyterhub, got 'slurm'",
                problem(MINIMAL.replace("kind: cluster", "kind: slurm")));
        assertEquals("scheduler must be one of pbs, slurm, got 'lsf'", problem(MINIMAL.replace("slurm", "lsf")));
        assertEquals("commands.timeout_seconds must be a whole number from 1 to 3600, got '0'",
                problem(MINIMAL + "commands: {timeout_seconds: 0}\n"));
        assertEquals("service.url must be an http:// or https:// URL, got 'status.example.org'",
                problem(MINIMAL.replace("http://status.example.org/", "status.example.org")));
        assertEquals("login_nodes[0] must be a mapping of keys, got 'derecho1'",
                problem(MINIMAL + "login_nodes: [derecho1]\n"));
    }

    @Test
    void theShippedExamplesRead() throws IOException {
        try (var files = Files.list(Path.of("src/collector/examples"))) {
            List<Path> examples = files.sorted().toList();
            assertEquals(4, examples.size(), examples.toString());
            for (Path example : examples) {
                CollectorConfig config = CollectorConfig.load(example);
                assertTrue(config.systemName().matches("[a-z]+"), example.toString());
            }
        }
    }

    @Test
    void aPasswordReadableByOthersIsRefused() throws IOException {
        Path file = dir.resolve("creds");
        Files.writeString(file, "derecho_collector:s3cret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        ConfigException refused = assertThrows(ConfigException.class, () -> CredentialsFile.read(file));
        assertEquals("credentials file " + file + " is readable by its group or others: run chmod 600 " + file,
                refused.getMessage());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        CredentialsFile credentials = CredentialsFile.read(file);
        assertEquals("derecho_collector", credentials.user());
        assertEquals("CredentialsFile[user=derecho_collector]", credentials.toString(), "the password never logged");
    }

    private CollectorConfig load(String yaml) throws IOException {
        Path file = dir.resolve("collector.yaml");
        Files.writeString(file, yaml);
        return CollectorConfig.load(file);
    }

    private String problem(String yaml) {
        return assertThrows(ConfigException.class, () -> load(yaml)).getMessage();
    }
}
