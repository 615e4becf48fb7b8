package org.hpcstatus.live;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;

/**
 * With the watch polling once an hour, the first post after the start is still announced: the first look, which only
 * remembers, was taken before the replica reported ready, not by the look the post itself asks for. (CI once saw a
 * replica remember a post made in the two seconds between its readiness and its first poll.)
 */
@QuarkusTest
@TestProfile(FirstLookTests.NoPolling.class)
class FirstLookTests {

    public static class NoPolling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hpcstatus.live.poll-every", "1H");
        }
    }

    @Inject
    LiveStream stream;

    @Inject
    TestClock clock;

    @Test
    void aPostMadeBeforeAnyPollIsAnnounced() throws Exception {
        long statusId = LiveStreamTests.post(Seeds.nextCurrent(clock));
        long until = System.nanoTime() + 10_000_000_000L;
        while (!announced(statusId) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertTrue(announced(statusId), "snapshot " + statusId + " announced; the stream kept " + stream.since(0));
    }

    private boolean announced(long statusId) {
        return stream.since(0).stream().anyMatch(e -> e.type().equals("snapshot")
                && ((Number) e.data().get("status_id")).longValue() == statusId);
    }
}
