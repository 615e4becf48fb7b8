package org.hpcstatus.badge;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.status.SystemState;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;

/** /badge/{system}.svg, on the test system pennant, which only this class posts to. */
@QuarkusTest
class BadgeTests {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aBadgeSaysTheSystemsStateInItsColourAndAnswersAConditionalGetWith304() {
        Seeds.post("pennant", "deployed/derecho-full-machine", Seeds.nextCurrent(clock));
        var answer = get("/badge/pennant.svg").then().statusCode(200)
                .contentType(startsWith("image/svg+xml"))
                .header("Cache-Control", containsString("max-age=60"))
                .body(containsString(">Pennant</text>"), containsString(">Operational</text>"),
                        containsString("fill=\"" + Badge.colour(SystemState.OPERATIONAL) + "\""),
                        containsString("aria-label=\"Pennant: Operational\""))
                .extract();
        String etag = answer.header("ETag");
        given().header("If-None-Match", etag).get("/badge/pennant.svg").then().statusCode(304)
                .header("ETag", equalTo(etag));

        Seeds.outage("pennant", "critical", "Pennant power loss");
        try {
            var down = get("/badge/pennant.svg").then().statusCode(200).body(containsString(">Down</text>")).extract();
            assertNotEquals(etag, down.header("ETag"), "a new state is a new ETag");
            given().header("If-None-Match", etag).get("/badge/pennant.svg").then().statusCode(200);
        } finally {
            Seeds.resolve("pennant", "critical", "Pennant power loss");
        }
    }

    @Test
    void aSystemWithoutDataHasABadgeAndAnUnknownOneIsA404() {
        get("/badge/quiet.svg").then().statusCode(200).body(containsString(">No data</text>"));
        get("/badge/nowhere.svg").then().statusCode(404).body("error", containsString("nowhere"));
    }

    @Test
    void aDisplayNameIsEscapedAndWiderTextMakesAWiderBadge() {
        String svg = Badge.svg("A&B <x>", "Operational", SystemState.OPERATIONAL);
        assertTrue(svg.contains(">A&amp;B &lt;x&gt;</text>"), svg);
        assertTrue(Badge.width("Maintenance") > Badge.width("Down"));
        assertEquals(Badge.width("Derecho"), Badge.width("Derecho"));
    }
}
