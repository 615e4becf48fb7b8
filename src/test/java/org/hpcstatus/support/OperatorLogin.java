package org.hpcstatus.support;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** An operator's browser, as far as the forms go: the login form's round trip, then the session cookie and token. */
public record OperatorLogin(String sessionCookie, String csrf) {

    public static final String SESSION = "hpcstatus_session";
    public static final String LOGIN_CSRF = "hpcstatus_login_csrf";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** Logs in through /login as a browser would; fails the test when no session comes back. */
    public static OperatorLogin as(String username, String password) {
        Response answer = submitLogin(username, password);
        String session = answer.then().statusCode(303).extract().cookie(SESSION);
        if (session == null || session.isEmpty()) {
            throw new AssertionError("No session cookie after logging in as " + username);
        }
        String page = given().redirects().follow(false).cookie(SESSION, session).get("/operator").then()
                .statusCode(200).extract().asString();
        return new OperatorLogin(session, csrfIn(page));
    }

    /** GET /login for its CSRF cookie and field, then POST the form. */
    public static Response submitLogin(String username, String password) {
        Response form = given().get("/login");
        String cookie = form.getCookie(LOGIN_CSRF);
        return given().redirects().follow(false).cookie(LOGIN_CSRF, cookie).formParam("username", username)
                .formParam("password", password).formParam("csrf", csrfIn(form.asString())).post("/login");
    }

    public static String csrfIn(String page) {
        Matcher found = CSRF_FIELD.matcher(page);
        if (!found.find()) {
            throw new AssertionError("No CSRF field in the page: " + page);
        }
        return found.group(1);
    }

    /** A request from this operator's browser (not following redirects, so the tests see them). */
    public RequestSpecification browser() {
        return given().redirects().follow(false).cookie(SESSION, sessionCookie);
    }

    /** A form post with this session's CSRF token. */
    public RequestSpecification form() {
        return browser().formParam("csrf", csrf);
    }
}
