package org.hpcstatus.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * An id sequence that steps by anything but the 50 ids Hibernate takes per call stops the start (the schema check
 * against the entities finds it): replicas would be handed overlapping blocks and collide.
 */
@QuarkusMainTest
@TestProfile(BadSequenceStepTests.AlteredSequence.class)
class BadSequenceStepTests {

    public static class AlteredSequence implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.flyway.locations", "db/migration,db/bad-sequence-step");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void startUpStopsAndSaysWhichSequenceAndHowToMendIt(LaunchResult result) {
        String output = result.getOutput() + result.getErrorOutput();
        assertTrue(output.contains("The database schema does not match the entities: Schema validation: sequence"
                + " [queue_status_seq] defined inconsistent increment-size; found [1] but expecting [50]"), output);
    }
}
