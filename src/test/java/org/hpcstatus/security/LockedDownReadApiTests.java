package org.hpcstatus.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.hamcrest.Matchers;
import org.hpcstatus.support.OperatorLogin;
import org.hpcstatus.support.TestData;

/**
 * A site that keeps its status private, and creates its first admin from configuration rather than by hand-made
 * bcrypt hashes.
 */
@QuarkusTest
@TestProfile(LockedDownReadApiTests.LockedDown.class)
class LockedDownReadApiTests {

    static final String ADMIN = "site-admin";
    static final String ADMIN_PASSWORD = "a-long-bootstrap-password";

    public static class LockedDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hpcstatus.api.read-requires-login", "true",
                    "hpcstatus.security.bootstrap.username", ADMIN,
                    "hpcstatus.security.bootstrap.password", ADMIN_PASSWORD);
        }
    }

    @Test
    void readApiAsksAnonymousCallersToLogIn() {
        given().get("/api/v1/status/outages").then().statusCode(401)
                .body("error", equalTo("Authentication required"));
        given().get("/api/v1/status/derecho/latest").then().statusCode(401);
        given().get("/api/v1/status/outages/1").then().statusCode(401);
        // the feeds publish what the pages show, so they are private with them
        given().get("/outages.atom").then().statusCode(401);
        given().get("/maintenance.ics").then().statusCode(401);
        given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).get("/maintenance.ics").then().statusCode(200);
    }

    @Test
    void dashboardPagesAskAnonymousCallersToLogInToo() {
        given().get("/").then().statusCode(401).header("WWW-Authenticate", Matchers.startsWith("Basic"));
        given().get("/status/derecho").then().statusCode(401);
        given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).get("/").then().statusCode(200);
        given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).get("/status/derecho").then().statusCode(200);
    }

    @Test
    void theLoginFormStaysOpenAndAnOperatorSessionReadsThePages() {
        OperatorLogin ops = OperatorLogin.as(ADMIN, ADMIN_PASSWORD);
        ops.browser().get("/").then().statusCode(200);
        ops.browser().get("/api/v1/status/outages").then().statusCode(200);
    }

    @Test
    void healthProbesAndTheStylesheetStayPublic() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/css/dashboard.css").then().statusCode(200);
    }

    @Test
    void readApiRejectsWrongCredentials() {
        given().auth().preemptive().basic(ADMIN, "wrong").get("/api/v1/status/outages").then().statusCode(401)
                .body("error", equalTo("Invalid credentials"));
    }

    @Test
    void bootstrapAdminCanReadAndPost() {
        given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).get("/api/v1/status/outages").then().statusCode(200);
        given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType("application/json")
                .body(TestData.freshPayload("jupyterhub-guide").toString()).post("/api/v1/status/jupyterhub").then()
                .statusCode(201);
    }
}
