package org.hpcstatus.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** A display zone that is no time zone stops the start, naming the property (a value that cannot even be read). */
@QuarkusMainTest
@TestProfile(BadTimeZoneTests.BadZone.class)
class BadTimeZoneTests {

    public static class BadZone implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hpcstatus.dashboard.display-zone", "Mars/Olympus_Mons");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void startUpStopsAndNamesTheZoneProperty(LaunchResult result) {
        String output = result.getOutput() + result.getErrorOutput();
        assertTrue(output.contains("hpcstatus.dashboard.display-zone"), output);
        assertTrue(output.contains("'Mars/Olympus_Mons' is not a time zone (e.g. America/Denver, UTC, or system)"), output);
    }
}
