package org.hpcstatus.dashboard;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.support.OperatorLogin;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;
import org.hpcstatus.support.TestData;

/** Pages rendered once per change and answered conditionally; on pennant (shared with BadgeTests, both post). */
@QuarkusTest
class RenderedPagesTests {

    @Inject
    TestClock clock;

    @Inject
    TestData data;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aPageHasAnETagACacheControlForAProxyAndAnswersItsETagWith304() {
        var page = get("/").then().statusCode(200)
                .header("Cache-Control", equalTo("s-maxage=5, max-age=0"))
                .header("Vary", containsString("Cookie"))
                .extract();
        String etag = page.header("ETag");
        given().header("If-None-Match", etag).get("/").then().statusCode(304).header("ETag", equalTo(etag));
        assertEquals(page.asString(), get("/").then().extract().asString(), "the same page while nothing changed");
    }

    @Test
    void aPostShowsOnTheNextRequestWithANewETag() {
        Seeds.cluster("pennant", Seeds.nextCurrent(clock), p -> p.put("running_jobs", 1111));
        var before = get("/status/pennant").then().statusCode(200).body(containsString("1,111")).extract();
        Seeds.cluster("pennant", Seeds.nextCurrent(clock), p -> p.put("running_jobs", 2222));
        var after = get("/status/pennant").then().statusCode(200).body(containsString("2,222")).extract();
        assertNotEquals(before.header("ETag"), after.header("ETag"));
        given().header("If-None-Match", before.header("ETag")).get("/status/pennant").then().statusCode(200);
    }

    @Test
    void anOperatorsPageIsRenderedForTheSessionAndNeverSharedWithAnyoneElse() {
        data.createOperator("ops_pages", "operator-pw-pages");
        OperatorLogin operator = OperatorLogin.as("ops_pages", "operator-pw-pages");
        operator.browser().get("/").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .header("Cache-Control", containsString("private"))
                .body(containsString("Log out"));
        get("/").then().statusCode(200).body(not(containsString("Log out")));
    }
}
