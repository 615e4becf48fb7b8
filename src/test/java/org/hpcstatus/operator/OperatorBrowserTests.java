package org.hpcstatus.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.config.Zones;
import org.hpcstatus.support.Browser;
import org.hpcstatus.support.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * An operator's morning, in a real browser with no script on the pages: log in, report an outage, post an update,
 * schedule maintenance, resolve the outage, choose the dark palette, log out. Screenshots of each step are saved
 * under target/screenshots/operator-*.png.
 */
@QuarkusTest
class OperatorBrowserTests {

    private static final String TITLE = "Scheduler not accepting jobs";

    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestData data;

    @Inject
    StatusConfig config;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorReportsUpdatesSchedulesAndResolves() throws IOException {
        data.createOperator("ops_browser", "browser-operator-pw");
        browser.manage().window().setSize(new Dimension(1280, 900));

        // The public overview offers a login link, and nothing an operator would use.
        browser.get(root.toString());
        assertTrue(browser.findElements(By.cssSelector("a.edit-link")).isEmpty());
        Browser.submit(browser, By.linkText("operator login"));
        assertEquals("Operator login", browser.getTitle());
        Browser.type(browser, "username", "ops_browser");
        Browser.type(browser, "password", "wrong password");
        Browser.submit(browser, By.cssSelector("form.login button"));
        assertEquals("Wrong user name or password.", browser.findElement(By.cssSelector(".form-error")).getText());
        Browser.type(browser, "password", "browser-operator-pw");
        Browser.screenshot(browser, "operator-1-login");
        Browser.submit(browser, By.cssSelector("form.login button"));
        assertEquals("Operator pages", browser.getTitle());
        assertTrue(browser.findElement(By.cssSelector(".operator-bar")).getText().contains("Operator ops_browser"));

        // Report an outage, the estimated resolution typed in the display zone.
        ZoneId zone = Zones.display(config.dashboard());
        LocalDateTime eta = LocalDateTime.now(zone).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        new Select(browser.findElement(By.id("report-system"))).selectByValue("ops");
        new Select(browser.findElement(By.id("report-severity"))).selectByValue("major");
        Browser.type(browser, "report-title", TITLE);
        Browser.type(browser, "report-component", "PBS server");
        Browser.type(browser, "report-description", "qsub hangs; running jobs are not affected.");
        setValue("report-eta", eta.toString());
        Browser.fullPageScreenshot(browser, "operator-2-report-form");
        Browser.submit(browser, By.cssSelector("form[action='/operator/outages'] button"));
        assertEquals("Outage recorded.", browser.findElement(By.cssSelector(".form-notice")).getText());
        String outagePage = browser.getCurrentUrl();

        // Post an update that moves it to identified.
        Browser.type(browser, "update-message", "The PBS server ran out of memory; restarting it.");
        new Select(browser.findElement(By.id("update-status"))).selectByValue("identified");
        Browser.submit(browser, By.cssSelector("form[action$='/updates'] button"));
        assertEquals("Update posted.", browser.findElement(By.cssSelector(".form-notice")).getText());
        List<WebElement> timeline = browser.findElements(By.cssSelector("ol.timeline li"));
        assertEquals(2, timeline.size());
        assertTrue(timeline.get(1).getText().contains("restarting it. (status investigating → identified)"),
                timeline.get(1).getText());
        Browser.fullPageScreenshot(browser, "operator-3-update-posted");

        // Everyone sees it on the overview; the operator also sees the way to update it.
        browser.get(root.toString());
        String banner = browser.findElement(By.cssSelector("section.outages")).getText();
        assertTrue(banner.contains(TITLE) && banner.contains("identified"), banner);
        assertFalse(browser.findElements(By.cssSelector("a.edit-link")).isEmpty());
        Browser.screenshot(browser, "operator-4-overview");

        // Schedule maintenance two days ahead: listed as upcoming, the system left alone until then.
        browser.get(root + "operator");
        LocalDateTime start = LocalDateTime.now(zone).plusDays(2).truncatedTo(ChronoUnit.HOURS);
        new Select(browser.findElement(By.id("maintenance-system"))).selectByValue("ops");
        Browser.type(browser, "maintenance-title", "Lustre upgrade");
        setValue("maintenance-start", start.toString());
        setValue("maintenance-end", start.plusHours(10).toString());
        Browser.submit(browser, By.cssSelector("form[action='/operator/outages'] input[value='maintenance'] ~ button"));
        assertEquals("Outage recorded.", browser.findElement(By.cssSelector(".form-notice")).getText());
        browser.get(root + "status/ops");
        String upcoming = browser.findElement(By.cssSelector("section.upcoming")).getText();
        assertTrue(upcoming.contains("Lustre upgrade") && upcoming.contains("in 2 days"), upcoming);
        Browser.fullPageScreenshot(browser, "operator-5-maintenance-upcoming");

        // On a phone: the headline and compact outages come first; a tap opens the details.
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(root.toString());
        Browser.assertNoHorizontalScrolling(browser);
        WebElement headline = browser.findElement(By.cssSelector(".headline"));
        assertTrue(headline.getRect().getY() + headline.getRect().getHeight() < 844, "the headline is on the first screen");
        List<WebElement> glance = browser.findElements(By.cssSelector(".glance li"));
        assertEquals(browser.findElements(By.cssSelector("article.card")).size(), glance.size(), "one line per system");
        assertTrue(glance.stream().filter(li -> li.getText().contains("Ops: ")).findFirst().orElseThrow().isDisplayed());
        assertTrue(glance.get(3).getRect().getY() < 844, "the first systems' states are on the first screen (this test"
                + " configures " + glance.size() + "; a site's three fit whole)");
        WebElement line = browser.findElements(By.cssSelector("li.outage")).stream()
                .filter(li -> li.getText().contains(TITLE)).findFirst().orElseThrow();
        assertTrue(line.getRect().getHeight() < 80, "a closed outage is a line or two: " + line.getRect().getHeight());
        assertFalse(line.findElement(By.cssSelector(".description")).isDisplayed(), "closed on the overview");
        Browser.screenshot(browser, "operator-6-overview-phone");
        line.findElement(By.tagName("summary")).click();
        assertTrue(line.findElement(By.cssSelector(".description")).isDisplayed(), "opened with a tap");
        Browser.screenshot(browser, "operator-7-overview-phone-opened");
        browser.manage().window().setSize(new Dimension(1280, 900));

        // Resolve the outage.
        browser.get(outagePage);
        Browser.type(browser, "resolve-message", "PBS server restarted; jobs are being accepted again.");
        Browser.submit(browser, By.cssSelector("form[action$='/resolve'] button"));
        assertEquals("Outage resolved.", browser.findElement(By.cssSelector(".form-notice")).getText());
        assertTrue(browser.findElements(By.cssSelector("form[action$='/resolve']")).isEmpty());
        Browser.fullPageScreenshot(browser, "operator-8-resolved");
        browser.get(root.toString());
        assertFalse(browser.findElement(By.tagName("main")).getText().contains(TITLE), "gone from the active list");
        browser.get(root + "outages?system=ops");
        String history = browser.findElement(By.tagName("main")).getText();
        assertTrue(history.contains(TITLE) && history.contains("jobs are being accepted again"), history);
        Browser.fullPageScreenshot(browser, "operator-9-history");

        // The dark palette by a plain link, remembered on the next page; then back to the browser's choice.
        String light = background();
        Browser.submit(browser, By.linkText("dark"));
        assertTrue(browser.getCurrentUrl().endsWith("/outages?system=ops"), browser.getCurrentUrl());
        assertEquals("dark", browser.findElement(By.tagName("html")).getAttribute("data-theme"));
        assertNotEquals(light, background());
        browser.get(root.toString());
        assertEquals("dark", browser.findElement(By.tagName("html")).getAttribute("data-theme"));
        Browser.screenshot(browser, "operator-10-dark");
        Browser.submit(browser, By.linkText("auto"));
        assertEquals(light, background());

        // Log out: the operator pages ask for a login again.
        Browser.submit(browser, By.cssSelector(".operator-bar button"));
        browser.get(root + "operator");
        assertEquals("Operator login", browser.getTitle());
    }

    private String background() {
        return browser.findElement(By.tagName("body")).getCssValue("background-color");
    }

    /** Date-and-time inputs take their value as the browser would submit it; typing them depends on the locale. */
    private static void setValue(String id, String value) {
        browser.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }
}
