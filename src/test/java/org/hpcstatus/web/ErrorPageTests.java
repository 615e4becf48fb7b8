package org.hpcstatus.web;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hpcstatus.support.TestData;

/** The error answers of the service: JSON for the API, an HTML page for people, never exception text. */
@QuarkusTest
class ErrorPageTests {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Inject
    TestData data;

    /** A real internal error: the outage table is missing while the pages and the API read it. */
    @Test
    void internalErrorIsAnHtmlPageWithAnErrorIdAndNoDetails() {
        data.runSql("ALTER TABLE outage RENAME TO outage_hidden;\n");
        try {
            get("/").then().statusCode(500).contentType(ContentType.HTML)
                    .body(containsString("<h1>Internal error</h1>"))
                    .body(containsString("Something went wrong on our side. Please report the error id below."))
                    .body(matchesPattern("(?s).*Error id: <code>" + UUID + "</code>.*"))
                    .body(not(containsString("outage_hidden")))
                    .body(not(containsString("SQL")));
            get("/api/v1/status/outages").then().statusCode(500).contentType(ContentType.JSON)
                    .body("error", equalTo("Internal error"))
                    .body("error_id", matchesPattern(UUID));
        } finally {
            data.runSql("ALTER TABLE outage_hidden RENAME TO outage;\n");
        }
    }

    @Test
    void unreachableDatabaseIs503WithRetryAfterAsJson() {
        get("/api/v1/test/database-down").then().statusCode(503).contentType(ContentType.JSON)
                .header("Retry-After", "30")
                .body("error", equalTo("Database unavailable; retry later"))
                .body("error_id", matchesPattern(UUID));
    }

    @Test
    void unreachableDatabaseIs503WithRetryAfterAsAPage() {
        get("/test/database-down").then().statusCode(503).contentType(ContentType.HTML)
                .header("Retry-After", "30")
                .body(containsString("Status temporarily unavailable"))
                .body(containsString("The status database cannot be reached right now."))
                .body(not(containsString("Socket fail")));
    }
}
