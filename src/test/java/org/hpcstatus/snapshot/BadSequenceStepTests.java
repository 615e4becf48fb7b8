package org.hpcstatus.snapshot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** An id sequence that steps by anything but the reserved block size stops the start: replicas would collide. */
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
        assertTrue(output.contains("Sequence queue_status_seq steps by 1, but ids are reserved in blocks of 50: ALTER"
                + " SEQUENCE queue_status_seq INCREMENT BY 50"), output);
    }
}
