package org.hpcstatus.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hpcstatus.support.Requests.anonymous;
import static org.hpcstatus.support.Requests.as;
import static org.hpcstatus.support.TestData.freshPayload;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.support.TestData;

@QuarkusTest
class AuthenticationTests {



    @Test
    void noCredentialsIsA401WithAChallenge() {
        anonymous().body(freshPayload("derecho-guide").toString()).post("/api/v1/status/derecho").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic realm="))
                .body("error", equalTo("Authentication required"));
    }

    @Test
    void noCredentialsWithABadBodyIsStillA401() {
        anonymous().body("{not json").post("/api/v1/status/derecho").then().statusCode(401)
                .body("error", equalTo("Authentication required"));
    }

    @Test
    void wrongPasswordIsA401InvalidCredentials() {
        as(TestData.COLLECTOR, "not-the-password").body("{}").post("/api/v1/status/derecho").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic realm="))
                .body("error", equalTo("Invalid credentials"));
    }

    @Test
    void unknownUserIsA401InvalidCredentials() {
        as("nobody", "whatever").body("{}").post("/api/v1/status/derecho").then().statusCode(401)
                .body("error", equalTo("Invalid credentials"));
    }

    @Test
    void pythonBcryptHashFromTheGuidesSqlLogsIn() {
        as(TestData.COLLECTOR, TestData.COLLECTOR_PASSWORD).body(freshPayload("jupyterhub-guide").toString())
                .post("/api/v1/status/jupyterhub").then().statusCode(201);
    }

    @Test
    void htpasswdHashWithCollectorRoleLogsIn() {
        as(TestData.CASPER_COLLECTOR, TestData.OTHER_PASSWORD).body(freshPayload("jupyterhub-guide").toString())
                .post("/api/v1/status/jupyterhub").then().statusCode(201);
    }

    @Test
    void credentialWithoutThePermissionIsA403() {
        as(TestData.VIEWER, TestData.OTHER_PASSWORD).body(freshPayload("jupyterhub-guide").toString())
                .post("/api/v1/status/jupyterhub").then().statusCode(403)
                .body("error", equalTo("MANAGE_SYSTEM_STATUS permission required"));
    }

    @Test
    void inactiveCredentialCannotLogIn() {
        as(TestData.RETIRED, TestData.OTHER_PASSWORD).body(freshPayload("jupyterhub-guide").toString())
                .post("/api/v1/status/jupyterhub").then().statusCode(401)
                .body("error", equalTo("Invalid credentials"));
    }

    @Test
    void readApiIsPublicByDefault() {
        anonymous().get("/api/v1/status/outages").then().statusCode(200);
    }
}
