package org.hpcstatus.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** A bad configuration value stops the start with a message that names the property, instead of a later surprise. */
@QuarkusMainTest
@TestProfile(BadConfigurationTests.BadValues.class)
class BadConfigurationTests {

    public static class BadValues implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hpcstatus.ingest.max-body-bytes", "0",
                    "hpcstatus.systems.outage.display-name", "Shadows the outage endpoint",
                    "hpcstatus.systems.outage.kind", "cluster");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void startUpStopsAndNamesEachBadProperty(LaunchResult result) {
        String output = result.getOutput() + result.getErrorOutput();
        assertTrue(output.contains("hpcstatus.ingest.max-body-bytes must be greater than or equal to 1024"), output);
        assertTrue(output.contains("hpcstatus.systems.outage must be letters, digits"), output);
    }
}
