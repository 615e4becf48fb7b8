package org.hpcstatus.collector;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hpcstatus.collector.config.CollectorConfig;
import org.hpcstatus.collector.config.ConfigException;
import org.hpcstatus.collector.config.CredentialsFile;
import org.hpcstatus.collector.delivery.Delivery;
import org.hpcstatus.collector.delivery.Spool;
import org.hpcstatus.collector.jupyterhub.JupyterHubSource;
import org.hpcstatus.collector.pbs.PbsSource;
import org.hpcstatus.collector.slurm.SlurmSource;

/**
 * The collector: gathers one snapshot of an HPC system and posts it to the status service. Run it every five minutes
 * from cron or a systemd timer: {@code java -jar hpc-status-collector.jar --config FILE}. Exit 0 when the snapshot
 * was delivered (or spooled for the next run, exit 3), 2 for a configuration problem, 1 for anything else; one log
 * line per run on stderr says what was collected, how long each command took and what became of the post.
 */
public final class CollectorMain {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_CONFIG = 2;
    static final int SPOOLED = 3;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USAGE = """
            Usage: java -jar hpc-status-collector.jar --config FILE [--print | --dry-run] [--verbose]

            Collects one snapshot of an HPC system (Slurm or PBS nodes, jobs, queues, reservations, queue waits,
            login nodes, filesystems) and posts it to the HPC status service.

              --config FILE   the collector's YAML configuration (see the README, "Collectors")
              --print         collect and print the payload as JSON on stdout; post nothing
              --dry-run       post with ?dry_run=true: the service checks the payload and stores nothing;
                              prints its answer
              --verbose       log every command with its duration, and every spooled post
              --help          this text

            Exit status: 0 delivered, 3 not delivered but spooled for the next run, 2 configuration problem,
            1 any other failure (the payload refused by the service, the spool not writable).
            """;

    private CollectorMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Clock.systemUTC()));
    }

    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        Path configFile = null;
        boolean print = false;
        boolean dryRun = false;
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> {
                    if (i + 1 == args.length) {
                        err.println("hpc-status-collector: --config needs a file");
                        return BAD_CONFIG;
                    }
                    configFile = Path.of(args[++i]);
                }
                case "--print" -> print = true;
                case "--dry-run" -> dryRun = true;
                case "--verbose" -> verbose = true;
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return OK;
                }
                default -> {
                    err.println("hpc-status-collector: unknown option " + args[i] + " (see --help)");
                    return BAD_CONFIG;
                }
            }
        }
        if (configFile == null) {
            err.println("hpc-status-collector: --config FILE is required (see --help)");
            return BAD_CONFIG;
        }
        try {
            CollectorConfig config = CollectorConfig.load(configFile);
            CredentialsFile credentials = print ? null : CredentialsFile.read(config.credentialsFile());
            return new Run(config, credentials, clock, out, err, verbose).execute(print, dryRun);
        } catch (ConfigException e) {
            err.println("hpc-status-collector: " + e.getMessage());
            return BAD_CONFIG;
        } catch (RuntimeException e) {
            err.println("hpc-status-collector: failed: " + e);
            return FAILED;
        }
    }

    /** One run: collect, then print, or deliver what the spool holds and this snapshot. */
    static final class Run {
        private final CollectorConfig config;
        private final CredentialsFile credentials;
        private final Clock clock;
        private final PrintStream out;
        private final PrintStream err;
        private final boolean verbose;
        private final Commands commands;
        private final List<String> log = new ArrayList<>();

        Run(CollectorConfig config, CredentialsFile credentials, Clock clock, PrintStream out, PrintStream err,
                boolean verbose) {
            this.config = config;
            this.credentials = credentials;
            this.clock = clock;
            this.out = out;
            this.err = err;
            this.verbose = verbose;
            this.commands = new Commands(config.commandTimeout(), config.commandPath());
        }

        int execute(boolean print, boolean dryRun) {
            long started = System.nanoTime();
            Collection collection = new Collection();
            ObjectNode payload = collection.payload;
            payload.put("timestamp", OffsetDateTime.now(clock.withZone(ZoneId.systemDefault()))
                    .truncatedTo(ChronoUnit.MILLIS).toString());
            ZoneId zone = ZoneId.systemDefault();
            switch (config.scheduler()) {
                case "slurm" -> new SlurmSource(config, commands, zone).collect(collection);
                case "pbs" -> new PbsSource(config, commands, zone).collect(collection);
                default -> {
                    // a JupyterHub's own counts come from its API, not from a scheduler
                }
            }
            if (config.jupyterHubUrl() != null) {
                new JupyterHubSource(config.jupyterHubUrl(), config.jupyterHubTokenFile(), config.httpTimeout())
                        .collect(collection);
            }
            SystemProbes probes = new SystemProbes(config, commands);
            List<SystemProbes.LoginProbe> logins = probes.loginNodes(collection);
            probes.filesystems(collection);
            List<String> outsideContract = Contract.load().problems(config.systemKind(), payload);
            String body = write(payload);
            log.add("collected " + config.systemName() + " in " + (System.nanoTime() - started) / 1_000_000 + " ms ("
                    + commands.results().stream().map(r -> r.command().split(" ")[0] + " " + r.millis() + " ms"
                            + (r.ok() ? "" : " FAILED")).collect(Collectors.joining(", ")) + ")");
            if (!collection.missing().isEmpty()) {
                log.add("not collected: " + String.join("; ", collection.missing()));
            }
            if (!outsideContract.isEmpty()) {
                log.add("NOT AS THE SERVICE DEFINES IT (a collector bug; posted anyway): "
                        + String.join("; ", outsideContract));
            }
            if (verbose) {
                commands.results().forEach(r -> err.println("  " + r.command() + ": " + r.millis() + " ms"
                        + (r.ok() ? "" : ", " + r.failure())));
            }
            if (print) {
                out.println(pretty(payload));
                finish();
                return OK;
            }
            Delivery delivery = new Delivery(config, credentials, Run::sleep);
            String path = "/api/v1/status/" + config.systemName();
            if (dryRun) {
                Delivery.Answer answer = delivery.post(path + "?dry_run=true", body);
                out.println(answer.body());
                log.add("dry run: " + answer.summary());
                finish();
                return answer.outcome() == Delivery.Outcome.DELIVERED ? OK : FAILED;
            }
            Spool spool = new Spool(config.spoolDirectory(), config.spoolMaxFiles(), config.spoolMaxAge(), clock);
            boolean reachable = drain(spool, delivery);
            int status;
            Delivery.Answer answer = reachable ? delivery.post(path, body) : null;
            if (answer != null && answer.outcome() == Delivery.Outcome.DELIVERED) {
                log.add("posted: " + answer.summary());
                status = OK;
            } else if (answer != null && answer.outcome() == Delivery.Outcome.REFUSED) {
                log.add("REFUSED by the service, not spooled (it would be refused again): " + answer.summary());
                status = FAILED;
            } else {
                spool.add(path, body);
                log.add("not delivered (" + (answer == null ? "the spool could not be delivered first"
                        : answer.summary()) + "): spooled in " + config.spoolDirectory());
                status = SPOOLED;
            }
            if (status != SPOOLED && config.reportLoginOutages()) {
                reportLoginOutages(logins, delivery);
            }
            spool.dropped().forEach(d -> log.add("spool dropped " + d));
            finish();
            return status;
        }

        /** Posts what earlier runs spooled, oldest first; false when the service could not be reached. */
        private boolean drain(Spool spool, Delivery delivery) {
            List<Spool.Entry> due = spool.due();
            int delivered = 0;
            for (Spool.Entry entry : due) {
                Delivery.Answer answer = delivery.post(entry.path(), entry.json());
                if (answer.outcome() == Delivery.Outcome.UNDELIVERED) {
                    log.add("spool: " + delivered + " of " + due.size() + " delivered, then " + answer.summary());
                    return false;
                }
                if (answer.outcome() == Delivery.Outcome.REFUSED) {
                    log.add("spool: refused and dropped " + entry.file().getFileName() + ": " + answer.summary());
                } else {
                    delivered++;
                    if (verbose) {
                        err.println("  spooled " + entry.file().getFileName() + " delivered: " + answer.summary());
                    }
                }
                spool.remove(entry);
            }
            if (!due.isEmpty()) {
                log.add("spool: " + delivered + " of " + due.size() + " delivered, oldest first");
            }
            return true;
        }

        /**
         * A login node that does not answer becomes an outage of this system with the node as its component; every
         * run re-reports it (the service updates the open one), and the first run it answers again resolves it.
         */
        private void reportLoginOutages(List<SystemProbes.LoginProbe> logins, Delivery delivery) {
            Path stateFile = config.spoolDirectory().resolve("open-login-outages");
            Set<String> open = readState(stateFile);
            for (SystemProbes.LoginProbe probe : logins) {
                boolean wasOpen = open.contains(probe.name());
                if (probe.reachable() && !wasOpen) {
                    continue;
                }
                ObjectNode outage = JSON.createObjectNode();
                outage.put("system_name", config.systemName());
                outage.put("component", probe.name());
                outage.put("title", "Login node " + probe.name() + " unreachable");
                outage.put("severity", "minor");
                outage.put("status", probe.reachable() ? "resolved" : "investigating");
                if (!probe.reachable()) {
                    outage.put("description", "The status collector could not reach " + probe.name() + ": "
                            + probe.why());
                }
                Delivery.Answer answer = delivery.post("/api/v1/status/outage", write(outage));
                if (answer.outcome() == Delivery.Outcome.DELIVERED) {
                    if (probe.reachable()) {
                        open.remove(probe.name());
                    } else {
                        open.add(probe.name());
                    }
                    log.add("outage " + (probe.reachable() ? "resolved" : "reported") + " for " + probe.name());
                } else {
                    log.add("outage for " + probe.name() + " not posted: " + answer.summary());
                }
            }
            writeState(stateFile, open);
        }

        private void finish() {
            err.println("hpc-status-collector: " + String.join("; ", log));
        }

        private static Set<String> readState(Path file) {
            try {
                return Files.exists(file) ? new TreeSet<>(Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .filter(l -> !l.isBlank()).toList()) : new TreeSet<>();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void writeState(Path file, Set<String> open) {
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, open, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String write(ObjectNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pretty(ObjectNode json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
