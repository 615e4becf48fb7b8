package org.hpcstatus.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real OpenLDAP directory for the application under test: Debian's slapd, started on its own port with the test
 * tree of src/test/ldap/directory.sh (operators, a viewer, a user in no mapped group, a locked account). The tests
 * stop and start it to see what a directory outage does. Where slapd is not installed the directory reads as absent
 * ({@link #available()}), and the tests that need it are skipped, unless HPCSTATUS_REQUIRE_LDAP=1 (as in CI).
 */
public class TestDirectory implements QuarkusTestResourceLifecycleManager {

    public static final String BASE = "dc=hpcstatus,dc=test";
    private static final Path SCRIPT = Path.of("src/test/ldap/directory.sh");
    private static final Path DIR = Path.of("target/ldap-tests");
    private static final String UP = "test-directory.up";

    @Override
    public Map<String, String> start() {
        boolean up = Files.isExecutable(Path.of("/usr/sbin/slapd")) && script("start") != null;
        // A system property, because the resource and the test class may live in different class loaders.
        System.setProperty(UP, Boolean.toString(up));
        return Map.of("quarkus.security.ldap.dir-context.url", url(),
                "quarkus.security.ldap.identity-mapping.search-base-dn", "ou=people," + BASE,
                "quarkus.security.ldap.identity-mapping.attribute-mappings.\"groups\".filter-base-dn", "ou=groups," + BASE);
    }

    @Override
    public void stop() {
        script("stop");
    }

    public static boolean available() {
        return Boolean.getBoolean(UP);
    }

    public static String url() {
        return "ldap://127.0.0.1:" + System.getenv().getOrDefault("LDAP_TEST_PORT", "13389");
    }

    /** The directory goes away, as a directory server that is down or out of reach. */
    public static void takeDown() {
        if (script("stop") == null) {
            throw new IllegalStateException("the test directory did not stop");
        }
    }

    /** The directory comes back with its test tree. */
    public static void bringBack() {
        if (script("start") == null) {
            throw new IllegalStateException("the test directory did not start");
        }
    }

    /** Runs directory.sh; its output, or null when it failed. */
    private static String script(String command) {
        try {
            Process process = new ProcessBuilder("bash", SCRIPT.toString(), command, DIR.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean ended = process.waitFor(60, TimeUnit.SECONDS);
            return ended && process.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
