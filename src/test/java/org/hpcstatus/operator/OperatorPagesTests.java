package org.hpcstatus.operator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.config.Zones;
import org.hpcstatus.support.OperatorLogin;
import org.hpcstatus.support.TestData;

/**
 * The operators' form login and pages, as a browser without JavaScript uses them: every form is a real POST with the
 * session cookie and its CSRF token, every answer checked in the page and in the JSON API.
 */
@QuarkusTest
class OperatorPagesTests {

    @Inject
    TestData data;

    @Inject
    StatusConfig config;

    private OperatorLogin operator(String name) {
        data.createOperator(name, "operator-pw-" + name);
        return OperatorLogin.as(name, "operator-pw-" + name);
    }

    @Test
    void operatorPagesSendVisitorsToTheLoginAndBack() {
        given().redirects().follow(false).get("/operator/outages/5").then().statusCode(303)
                .header("Location", containsString("/login?next=%2Foperator%2Foutages%2F5"));
        String form = given().get("/login?next=/operator/outages/5").then().statusCode(200)
                .cookie(OperatorLogin.LOGIN_CSRF).extract().asString();
        assertTrue(form.contains("name=\"next\" value=\"/operator/outages/5\""), form);
        // Only paths of this site: no open redirect.
        String elsewhere = given().get("/login?next=//evil.example/").then().statusCode(200).extract().asString();
        assertTrue(elsewhere.contains("name=\"next\" value=\"/operator\""), elsewhere);
    }

    @Test
    void loginRefusesWrongPasswordsForgedFormsAndCollectors() {
        data.createOperator("ops_login", "right-password-1");
        Response wrong = OperatorLogin.submitLogin("ops_login", "wrong-password");
        wrong.then().statusCode(401).body(containsString("Wrong user name or password."));
        assertNoSession(wrong);
        // No CSRF cookie (another site's form): refused before the password is checked.
        Response forged = given().redirects().follow(false).formParam("username", "ops_login")
                .formParam("password", "right-password-1").formParam("csrf", "guess").post("/login");
        forged.then().statusCode(403).body(containsString("did not come from this site"));
        assertNoSession(forged);
        // A collector's credential may post data but is no operator.
        data.createCollector("ops_collector", "collector-pw-1");
        Response collector = OperatorLogin.submitLogin("ops_collector", "collector-pw-1");
        collector.then().statusCode(403).body(containsString("EDIT_SYSTEM_STATUS"));
        assertNoSession(collector);
        Response right = OperatorLogin.submitLogin("ops_login", "right-password-1");
        right.then().statusCode(303).header("Location", containsString("/operator"));
        String cookie = right.getDetailedCookie(OperatorLogin.SESSION).toString();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Secure"), cookie);
    }

    @Test
    void theLoginRateLimitAppliesToTheForm() {
        data.createOperator("ops_guessed", "the-real-password");
        int limit = config.security().maxFailuresPerUser();
        for (int i = 0; i < limit; i++) {
            OperatorLogin.submitLogin("ops_guessed", "guess-" + i).then().statusCode(401);
        }
        Response throttled = OperatorLogin.submitLogin("ops_guessed", "the-real-password");
        throttled.then().statusCode(429).header("Retry-After", not(nullValue()))
                .body(containsString("Too many failed logins"));
        assertNoSession(throttled);
    }

    @Test
    void anOperatorReportsUpdatesChangesAndResolvesAnOutage() {
        OperatorLogin ops = operator("ops_flow");
        ZoneId zone = Zones.display(config.dashboard());
        LocalDateTime eta = LocalDateTime.now(zone).plusHours(3).truncatedTo(ChronoUnit.MINUTES);
        String location = ops.form().formParam("system_name", "ops").formParam("severity", "major")
                .formParam("status", "investigating").formParam("title", "Scheduler unresponsive")
                .formParam("component", "PBS server").formParam("description", "qsub hangs")
                .formParam("start_time", "").formParam("estimated_resolution", eta.toString()).formParam("end_time", "")
                .post("/operator/outages").then().statusCode(303).extract().header("Location");
        assertTrue(location.matches(".*/operator/outages/\\d+\\?done=created"), location);
        long id = Long.parseLong(location.replaceAll(".*/outages/(\\d+).*", "$1"));

        JsonPath opened = outage(id);
        assertEquals("ops_flow", opened.getString("created_by"));
        assertEquals("PBS server", opened.getString("component"));
        // Typed in the display zone, stored in UTC.
        assertEquals(eta.atZone(zone).toInstant(), Instant.parse(opened.getString("estimated_resolution")));
        String page = ops.browser().get("/operator/outages/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Outage recorded.") || page.contains("Scheduler unresponsive"), page);
        assertTrue(page.contains("value=\"" + eta + "\""), "the form shows the time as typed: " + page);

        ops.form().formParam("version", opened.getLong("version")).formParam("status", "identified")
                .formParam("message", "The server ran out of memory; restarting it")
                .post("/operator/outages/" + id + "/updates").then().statusCode(303)
                .header("Location", containsString("done=posted"));
        JsonPath updated = outage(id);
        assertEquals("identified", updated.getString("status"));
        assertEquals("The server ran out of memory; restarting it (status investigating → identified)",
                updated.getString("updates[1].message"));
        assertEquals("ops_flow", updated.getString("updates[1].created_by"));

        // A change sends only what differs: severity; the rest as shown.
        edit(ops, id, updated.getLong("version"), "critical").then().statusCode(303).header("Location", containsString("done=changed"));
        JsonPath changed = outage(id);
        assertEquals("critical", changed.getString("severity"));
        assertEquals("Changed severity major → critical", changed.getString("updates[2].message"));
        assertEquals(eta.atZone(zone).toInstant(), Instant.parse(changed.getString("estimated_resolution")), "unchanged");

        ops.form().formParam("version", changed.getLong("version")).formParam("message", "Back in service")
                .post("/operator/outages/" + id + "/resolve").then().statusCode(303);
        JsonPath resolved = outage(id);
        assertEquals("resolved", resolved.getString("status"));
        assertNotNull(resolved.getString("end_time"), "resolving ends it now");
        String after = ops.browser().get("/operator/outages/" + id + "?done=resolved").then().statusCode(200).extract().asString();
        assertTrue(after.contains("Outage resolved.") && !after.contains("Resolve now"), after);
    }

    @Test
    void aStaleFormIsA409AndKeepsWhatWasTyped() {
        OperatorLogin first = operator("ops_first");
        OperatorLogin second = operator("ops_second");
        long id = report(first, "Home filesystem slow");
        long version = outage(id).getLong("version");
        edit(first, id, version, "critical").then().statusCode(303);
        Response stale = edit(second, id, version, "minor");
        stale.then().statusCode(409).body(containsString("is not the outage&#39;s current version"))
                .body(containsString("changed by ops_first"));
        assertTrue(stale.asString().contains("<option value=\"minor\" selected>"), "what the second operator chose is kept");
        assertEquals("critical", outage(id).getString("severity"), "nothing overwritten");
    }

    @Test
    void formsWithoutTheSessionsCsrfTokenChangeNothing() {
        OperatorLogin ops = operator("ops_csrf");
        long id = report(ops, "Queue stuck");
        long version = outage(id).getLong("version");
        ops.browser().formParam("csrf", "forged").formParam("version", version).formParam("message", "pwned")
                .post("/operator/outages/" + id + "/updates").then().statusCode(403).body(containsString("nothing was changed"));
        ops.browser().formParam("version", version).post("/operator/outages/" + id + "/resolve").then().statusCode(403);
        // Another operator's token is not this session's.
        OperatorLogin other = operator("ops_csrf_other");
        ops.browser().formParam("csrf", other.csrf()).formParam("system_name", "ops").formParam("severity", "minor")
                .formParam("status", "investigating").formParam("title", "Injected").post("/operator/outages")
                .then().statusCode(403);
        JsonPath unchanged = outage(id);
        assertEquals(version, unchanged.getLong("version"));
        assertEquals(1, unchanged.getList("updates").size());
        given().queryParam("include_resolved", true).queryParam("system_name", "ops").get("/api/v1/status/outages")
                .then().body("title", not(Matchers.hasItem("Injected")));
    }

    @Test
    void badFormValuesAre400sNamingTheFieldWithTheFormKept() {
        OperatorLogin ops = operator("ops_bad");
        Response bad = ops.form().formParam("system_name", "ops").formParam("severity", "maintenance")
                .formParam("status", "identified").formParam("title", "Window backwards")
                .formParam("start_time", "2030-01-02T08:00").formParam("end_time", "2030-01-01T08:00")
                .post("/operator/outages");
        bad.then().statusCode(400).body(containsString("end_time")).body(containsString("is before start_time"));
        assertTrue(bad.asString().contains("value=\"Window backwards\""), bad.asString());
        ops.form().formParam("system_name", "ops").formParam("severity", "major").formParam("status", "investigating")
                .formParam("title", "Bad time").formParam("estimated_resolution", "tomorrow noon").post("/operator/outages")
                .then().statusCode(400).body(containsString("estimated_resolution must be a date and time"));
        ops.form().formParam("system_name", "nowhere").formParam("severity", "major").formParam("status", "investigating")
                .formParam("title", "Unknown system").post("/operator/outages").then().statusCode(400)
                .body(containsString("system_name &#39;nowhere&#39; is not a configured system"));
        ops.browser().get("/operator/outages/999999").then().statusCode(404);
        // What an operator types is shown as text, never as markup.
        long id = report(ops, "<script>alert(1)</script>");
        ops.browser().get("/operator/outages/" + id).then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")).body(not(containsString("<script>")));
        ops.form().formParam("message", "no version").post("/operator/outages/" + id + "/updates").then().statusCode(400)
                .body(containsString("version is missing from the form"));
    }

    @Test
    void scheduledMaintenanceIsUpcomingAndLeavesTheSystemAlone() {
        OperatorLogin ops = operator("ops_maint");
        ZoneId zone = Zones.display(config.dashboard());
        LocalDateTime start = LocalDateTime.now(zone).plusDays(3).truncatedTo(ChronoUnit.HOURS);
        ops.form().formParam("system_name", "ops").formParam("severity", "maintenance").formParam("status", "identified")
                .formParam("title", "Firmware update").formParam("start_time", start.toString())
                .formParam("end_time", start.plusHours(8).toString()).post("/operator/outages").then().statusCode(303);
        JsonPath summary = given().get("/api/v1/status/summary").jsonPath();
        String firmware = "systems.find { it.system == 'ops' }.upcoming.find { it.title == 'Firmware update' }";
        assertEquals("maintenance", summary.getString(firmware + ".severity"));
        assertFalse(summary.getList("systems.find { it.system == 'ops' }.outages.title").contains("Firmware update"),
                "not active yet");
        assertEquals(start.atZone(zone).toInstant(),
                Instant.parse(summary.getString(firmware + ".start_time")));
    }

    @Test
    void logoutEndsTheSessionEverywhere() {
        OperatorLogin ops = operator("ops_logout");
        ops.browser().get("/operator").then().statusCode(200);
        // Logging out takes the session's token too: another site cannot log an operator out.
        ops.browser().formParam("csrf", "forged").post("/logout").then().statusCode(303);
        ops.browser().get("/operator").then().statusCode(200);
        ops.form().post("/logout").then().statusCode(303).cookie(OperatorLogin.SESSION, "");
        ops.browser().get("/operator").then().statusCode(303).header("Location", containsString("/login"));
        // The stale cookie reads as nobody: public pages stay public.
        ops.browser().get("/").then().statusCode(200).body(not(containsString("Log out")));
    }

    @Test
    void aDeactivatedOperatorsSessionStopsWorking() {
        OperatorLogin ops = operator("ops_retired");
        ops.browser().get("/operator").then().statusCode(200);
        data.runSql("UPDATE api_credentials SET active = FALSE WHERE username = 'ops_retired';\n");
        ops.browser().get("/operator").then().statusCode(303);
    }

    @Test
    void theSessionCookieDoesNotOpenTheJsonApiForWrites() {
        OperatorLogin ops = operator("ops_api");
        ops.browser().contentType("application/json")
                .body("{\"system_name\":\"ops\",\"title\":\"via cookie\",\"severity\":\"minor\",\"status\":\"investigating\"}")
                .post("/api/v1/status/outage").then().statusCode(401);
    }

    @Test
    void operatorControlsShowOnlyToALoggedInOperator() {
        OperatorLogin ops = operator("ops_controls");
        long id = report(ops, "Controls check");
        String theirs = ops.browser().get("/").then().statusCode(200).extract().asString();
        assertTrue(theirs.contains("href=\"/operator/outages/" + id + "\">Update or resolve</a>"), theirs);
        assertTrue(theirs.contains("Operator <strong>ops_controls</strong>") && theirs.contains("Log out"), theirs);
        String everyone = given().get("/").then().statusCode(200).extract().asString();
        assertFalse(everyone.contains("/operator/outages/"), everyone);
        assertFalse(everyone.contains("Log out"), everyone);
        assertTrue(everyone.contains("<a href=\"/login\">operator login</a>"), everyone);
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=\"/js/live\\.js\")").matcher(everyone).find(),
                "no inline script: the one script is the live-update enhancement, and the page works without it");
        // Basic credentials on a page are a script's, not an operator session: no controls.
        String basic = given().auth().preemptive().basic(TestData.ADMIN, TestData.OTHER_PASSWORD).get("/").then()
                .statusCode(200).extract().asString();
        assertFalse(basic.contains("Log out"), basic);
    }

    private static void assertNoSession(Response answer) {
        assertEquals(null, answer.getCookie(OperatorLogin.SESSION), "no session was opened");
    }

    private static long report(OperatorLogin ops, String title) {
        String location = ops.form().formParam("system_name", "ops").formParam("severity", "major")
                .formParam("status", "investigating").formParam("title", title).post("/operator/outages").then()
                .statusCode(303).extract().header("Location");
        return Long.parseLong(location.replaceAll(".*/outages/(\\d+).*", "$1"));
    }

    /** The edit form as the page fills it, with the severity changed. */
    private Response edit(OperatorLogin ops, long id, long version, String severity) {
        JsonPath now = outage(id);
        ZoneId zone = Zones.display(config.dashboard());
        return ops.form().formParam("version", version).formParam("severity", severity)
                .formParam("status", now.getString("status")).formParam("title", now.getString("title"))
                .formParam("component", now.getString("component") == null ? "" : now.getString("component"))
                .formParam("description", now.getString("description") == null ? "" : now.getString("description"))
                .formParam("start_time", local(now.getString("start_time"), zone))
                .formParam("estimated_resolution", local(now.getString("estimated_resolution"), zone))
                .formParam("end_time", local(now.getString("end_time"), zone)).formParam("message", "")
                .post("/operator/outages/" + id);
    }

    private static String local(String instant, ZoneId zone) {
        return instant == null ? "" : LocalDateTime.ofInstant(Instant.parse(instant), zone).truncatedTo(ChronoUnit.MINUTES)
                .toString();
    }

    private static JsonPath outage(long id) {
        return given().get("/api/v1/status/outages/" + id).then().statusCode(200).extract().jsonPath();
    }
}
