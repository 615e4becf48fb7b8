package org.hpcstatus.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.support.Browser;
import org.hpcstatus.support.OperatorLogin;
import org.hpcstatus.support.RawHttp;
import org.hpcstatus.support.TestData;
import org.hpcstatus.support.TestDirectory;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Operators who log in with the centre's directory: a real OpenLDAP (src/test/ldap/directory.sh) next to the local
 * credentials, which stay for collectors. Skipped where slapd is not installed, unless HPCSTATUS_REQUIRE_LDAP=1.
 */
@QuarkusTest
@TestProfile(DirectoryLoginTests.WithDirectory.class)
class DirectoryLoginTests {

    public static class WithDirectory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hpcstatus.security.directory.enabled", "true",
                    "hpcstatus.security.directory.groups.\"hpc-ops\"", "EDIT_SYSTEM_STATUS",
                    "hpcstatus.security.directory.groups.\"hpc-userinfo\"", "VIEW_SYSTEM_STATUS_USER_INFO",
                    // every password goes to the directory, so that an outage is seen at the next login
                    "hpcstatus.security.credential-cache-ttl", "0S",
                    // and a session's identity is looked up again within a second rather than a minute
                    "quarkus.security.ldap.cache.max-age", "1S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TestDirectory.class));
        }
    }

    @TestHTTPResource("/")
    URL root;

    @Inject
    IdentityProviderManager identities;

    @Inject
    TestData data;

    @Inject
    StatusConfig config;

    @BeforeAll
    static void aDirectoryAnswers() {
        if ("1".equals(System.getenv("HPCSTATUS_REQUIRE_LDAP"))) {
            assertTrue(TestDirectory.available(), "HPCSTATUS_REQUIRE_LDAP=1 but the test directory did not start");
        }
        Assumptions.assumeTrue(TestDirectory.available(), "no slapd: apt-get install slapd ldap-utils");
    }

    @Test
    void anOperatorOfTheOpsGroupLogsInWithTheFormAndEditsAnOutage() {
        OperatorLogin ops = OperatorLogin.as("ops1", "ops1-password");
        String location = ops.form().formParam("system_name", "derecho").formParam("severity", "major")
                .formParam("status", "investigating").formParam("title", "Lustre metadata server slow")
                .formParam("component", "").formParam("description", "").formParam("start_time", "")
                .formParam("estimated_resolution", "").formParam("end_time", "")
                .post("/operator/outages").then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.replaceAll(".*/outages/(\\d+).*", "$1"));
        JsonPath opened = outage(id);
        assertEquals("ops1", opened.getString("created_by"));

        ops.form().formParam("version", opened.getLong("version")).formParam("status", "identified")
                .formParam("message", "MDS failed over").post("/operator/outages/" + id + "/updates").then()
                .statusCode(303);
        assertEquals("ops1", outage(id).getString("updates[1].created_by"));

        // The outage API takes the same directory login with HTTP Basic.
        given().auth().preemptive().basic("ops1", "ops1-password").contentType("application/json")
                .body("{\"version\": " + outage(id).getLong("version") + ", \"status\": \"resolved\"}")
                .patch("/api/v1/status/outages/" + id).then().statusCode(200).body("status", equalTo("resolved"));
    }

    /** The same in a real browser, with screenshots: target/screenshots/directory-*.png. */
    @Test
    void aDirectoryOperatorInABrowser() throws IOException {
        ChromeDriver browser = Browser.start();
        try {
            browser.manage().window().setSize(new Dimension(1280, 900));
            browser.get(root + "login");
            Browser.type(browser, "username", "ops1");
            Browser.type(browser, "password", "ops1-password");
            Browser.screenshot(browser, "directory-1-login");
            Browser.submit(browser, By.cssSelector("form.login button"));
            assertEquals("Operator pages", browser.getTitle());
            assertTrue(browser.findElement(By.cssSelector(".operator-bar")).getText().contains("Operator ops1"));
            new Select(browser.findElement(By.id("report-system"))).selectByValue("casper");
            new Select(browser.findElement(By.id("report-severity"))).selectByValue("minor");
            Browser.type(browser, "report-title", "GPU nodes draining for a driver update");
            Browser.submit(browser, By.cssSelector("form[action='/operator/outages'] button"));
            assertEquals("Outage recorded.", browser.findElement(By.cssSelector(".form-notice")).getText());
            Browser.type(browser, "update-message", "Half of the GPU nodes are back.");
            new Select(browser.findElement(By.id("update-status"))).selectByValue("monitoring");
            Browser.submit(browser, By.cssSelector("form[action$='/updates'] button"));
            assertEquals("Update posted.", browser.findElement(By.cssSelector(".form-notice")).getText());
            String timeline = browser.findElement(By.cssSelector("ol.timeline")).getText();
            assertTrue(timeline.contains("Half of the GPU nodes are back.") && timeline.contains("ops1"), timeline);
            Browser.fullPageScreenshot(browser, "directory-2-outage-updated");
        } finally {
            browser.quit();
        }
    }

    @Test
    void groupsGrantWhatTheMappingSaysAndNothingElse() {
        assertEquals(Set.of(Permissions.EDIT_SYSTEM_STATUS), rolesOf("ops1", "ops1-password"));
        assertEquals(Set.of(Permissions.VIEW_SYSTEM_STATUS_USER_INFO), rolesOf("viewer1", "viewer1-password"));
        // nobody1 is in no mapped group, only in one called EDIT_SYSTEM_STATUS: a group's name is no permission.
        assertEquals(Set.of(), rolesOf("nobody1", "nobody1-password"));
        OperatorLogin.submitLogin("nobody1", "nobody1-password").then().statusCode(403)
                .body(containsString("not open to it"));
        OperatorLogin.submitLogin("viewer1", "viewer1-password").then().statusCode(403);
        given().auth().preemptive().basic("nobody1", "nobody1-password").contentType("application/json").body("{}")
                .patch("/api/v1/status/outages/1").then().statusCode(403);
    }

    @Test
    void wrongPasswordsLockedAccountsAndUnknownNamesAreRefused() {
        for (String[] login : List.of(new String[] {"ops1", "wrong"}, new String[] {"gone1", "gone1-password"},
                new String[] {"nosuch1", "nosuch1-password"}, new String[] {"ops1", "ops1-password\0"})) {
            Response refused = OperatorLogin.submitLogin(login[0], login[1]);
            refused.then().statusCode(401).body(containsString("Wrong user name or password."));
            assertNull(refused.getCookie(OperatorLogin.SESSION), login[0]);
        }
    }

    @Test
    void aDirectoryThatIsDownLetsNobodyInAndCollectorsPostOn() throws InterruptedException {
        OperatorLogin before = OperatorLogin.as("ops1", "ops1-password");
        TestDirectory.takeDown();
        try {
            Response refused = OperatorLogin.submitLogin("ops1", "ops1-password");
            refused.then().statusCode(503).header("Retry-After", "60")
                    .body(containsString("directory cannot be reached"));
            assertNull(refused.getCookie(OperatorLogin.SESSION));
            given().auth().preemptive().basic("ops1", "ops1-password").contentType("application/json").body("{}")
                    .patch("/api/v1/status/outages/1").then().statusCode(503)
                    .body("error", containsString("Directory unavailable"));
            // Local credentials never ask the directory.
            given().auth().preemptive().basic(TestData.COLLECTOR, TestData.COLLECTOR_PASSWORD)
                    .contentType("application/json").body(TestData.freshPayload("derecho-guide").toString())
                    .post("/api/v1/status/derecho").then().statusCode(201);
            // A session cannot be checked either: once the directory's answer has aged out, the pages are served as
            // to anyone, and the operator pages send to the login form.
            Thread.sleep(1_500);
            before.browser().get("/operator").then().statusCode(303).header("Location", containsString("/login"));
            given().get("/").then().statusCode(200);
        } finally {
            TestDirectory.bringBack();
        }
        OperatorLogin.as("ops1", "ops1-password");
    }

    @Test
    void theLoginThrottleCountsDirectoryFailures() {
        int limit = config.security().maxFailuresPerUser();
        for (int i = 0; i < limit; i++) {
            assertEquals(401, RawHttp.post("127.0.0.41", "/api/v1/status/derecho", "viewer1", "guess-" + i, "{}"));
        }
        assertEquals(429, RawHttp.post("127.0.0.41", "/api/v1/status/derecho", "viewer1", "viewer1-password", "{}"));
    }

    /** An unknown name, a directory user's wrong password and a local user's all cost one bcrypt check (cost 12). */
    @Test
    void timeTellsNoNames() {
        data.runSql("INSERT INTO api_credentials (username, password_hash, description, active) VALUES ('local_cost12',"
                + " '" + BcryptUtil.bcryptHash("local-cost12-password", 12) + "', 'bcrypt cost 12', TRUE);\n");
        long unknown = RawHttp.medianRefusalMillis(i -> RawHttp.post("127.0.0.42", "/api/v1/status/derecho", "nosuch-" + i, "x", "{}"));
        long directory = RawHttp.medianRefusalMillis(i -> RawHttp.post("127.0.0.43", "/api/v1/status/derecho", "ops1", "x" + i, "{}"));
        long local = RawHttp.medianRefusalMillis(i -> RawHttp.post("127.0.0.44", "/api/v1/status/derecho", "local_cost12", "x" + i, "{}"));
        String times = "unknown " + unknown + " ms, directory user " + directory + " ms, local user " + local + " ms";
        assertTrue(unknown * 2 > local && local * 2 > unknown, times);
        assertTrue(directory * 2 > local && local * 2 > directory, times);
    }

    private Set<String> rolesOf(String username, String password) {
        try {
            return identities.authenticateBlocking(new UsernamePasswordAuthenticationRequest(username,
                    new PasswordCredential(password.toCharArray()))).getRoles();
        } catch (AuthenticationFailedException e) {
            throw new AssertionError(username + " did not log in", e);
        }
    }

    private static JsonPath outage(long id) {
        return given().get("/api/v1/status/outages/" + id).then().statusCode(200).extract().jsonPath();
    }
}
