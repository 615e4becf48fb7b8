package org.hpcstatus.dashboard;

import static org.hpcstatus.support.Requests.asCollector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.support.Browser;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;
import org.hpcstatus.support.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a person sees, in a real browser: Debian's chromium through its chromedriver (no browser download). Saves
 * screenshots at desktop and phone widths, light and dark, under target/screenshots for a reviewer to look at.
 */
@QuarkusTest
class DashboardBrowserTests {

    private static final String OUTAGE = "GPU nodes rebooting after a firmware update";

    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL root;


    @Inject
    TestClock clock;

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

    @BeforeEach
    void seed() {
        // Izumi reported 20 minutes ago and went silent; Cheyenne reported just now; Izumi has an outage.
        Seeds.casperShaped("izumi", Seeds.nextCurrent(clock));
        clock.advance(Duration.ofMinutes(20).plusSeconds(30));
        Seeds.cluster("cheyenne", Seeds.nextCurrent(clock), payload -> { });
        Seeds.outage("izumi", "major", OUTAGE);
    }

    @AfterEach
    void cleanUp() {
        Seeds.resolve("izumi", "major", OUTAGE);
        clock.reset();
    }

    private WebElement card(String system) {
        return browser.findElement(By.cssSelector("article[aria-labelledby='card-" + system + "']"));
    }

    @Test
    void overviewAnswersIsItUpAtAGlanceOnDesktopAndPhone() throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(root.toString());
        assertEquals("HPC system status", browser.getTitle());

        String cheyenne = card("cheyenne").getText();
        assertTrue(cheyenne.contains("Operational"), cheyenne);
        assertTrue(cheyenne.contains("2,488 0 busy · 1,850 idle · 15 down · 623 reserved"), cheyenne);
        assertTrue(cheyenne.contains("Updated just now"), cheyenne);

        String izumi = card("izumi").getText();
        // A major outage is not a "down" severity, so the silent collector decides: Stale, not Down.
        assertTrue(izumi.contains("Stale") && !izumi.contains("Down"), izumi);
        assertTrue(izumi.contains("No update for 20 minutes: the collector may be down or the system unreachable."),
                izumi);

        String banner = browser.findElement(By.cssSelector("section.outages")).getText();
        assertTrue(banner.contains("Active outages"), banner);
        assertTrue(banner.contains("MAJOR"), banner);
        assertTrue(banner.contains("Izumi"), banner);
        assertTrue(banner.contains(OUTAGE), banner);
        assertTrue(banner.contains("estimated resolution"), banner);
        screenshot("overview-desktop");

        browser.manage().window().setSize(new Dimension(360, 800));
        browser.navigate().refresh();
        assertNoHorizontalScrolling();
        List<WebElement> cards = browser.findElements(By.cssSelector("article.card"));
        assertEquals(cards.get(0).getRect().getX(), cards.get(1).getRect().getX(), "one column of cards on a phone");
        fullPageScreenshot("overview-phone");
    }

    @Test
    void detailPageShowsLoginNodesQueuesAndFilesystemsInTables() throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(root + "status/cheyenne");
        assertEquals("Cheyenne status", browser.getTitle());
        String text = browser.findElement(By.tagName("main")).getText();
        assertTrue(text.contains("CPU login nodes") && text.contains("GPU login nodes"), text);
        assertTrue(text.contains("derecho5"), text);
        assertTrue(text.contains("Queues") && text.contains("gpumain"), text);
        assertTrue(text.contains("Filesystems") && text.contains("campaign"), text);
        assertEquals(3, browser.findElements(By.cssSelector("section[aria-labelledby^='login-'] tbody tr")).size());
        fullPageScreenshot("detail-desktop");

        browser.manage().window().setSize(new Dimension(360, 800));
        browser.navigate().refresh();
        assertNoHorizontalScrolling();
        fullPageScreenshot("detail-phone");
    }

    @Test
    void aFullMachineReadsOperationalAndBusyWithItsReservationsAndRejectedPosts() throws IOException {
        Seeds.post("cheyenne", "deployed/derecho-full-machine", Seeds.nextCurrent(clock));
        ObjectNode bad = TestData.payloadFor("cheyenne", "deployed/derecho-full-machine");
        bad.put("timestamp", Seeds.nextCurrent(clock).toString());
        ((ObjectNode) bad.withArray("filesystems").get(0)).put("capacity_inodes", 1.5);
        asCollector().body(bad.toString()).post("/api/v1/status/cheyenne").then().statusCode(400);

        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(root.toString());
        String card = card("cheyenne").getText();
        assertTrue(card.contains("Operational") && card.contains("2,459 busy · 0 idle · 29 down"), card);
        assertTrue(card.contains("Upcoming reservation: 24 nodes for cesm-le-hackathon from Tue 3 Dec"), card);
        screenshot("full-machine-overview");

        browser.get(root + "status/cheyenne");
        String page = browser.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("Operational") && !page.contains("Degraded"), page);
        assertTrue(page.contains("The collector's posts are being rejected since"), page);
        assertTrue(page.contains("filesystems[0].capacity_inodes must be a whole number"), page);
        assertTrue(page.contains("Queue definitions") && page.contains("disabled"), page);
        fullPageScreenshot("full-machine-detail");
        browser.manage().window().setSize(new Dimension(360, 800));
        browser.navigate().refresh();
        assertNoHorizontalScrolling();
        fullPageScreenshot("full-machine-detail-phone");
    }

    @Test
    void aFailedNodeQueryReadsNodeDataMissingNotDown() throws IOException {
        Seeds.post("cheyenne", "deployed/derecho-failed-node-query", Seeds.nextCurrent(clock));
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(root.toString());
        String card = card("cheyenne").getText();
        assertTrue(card.contains("node data missing") && !card.contains("Down"), card);
        screenshot("failed-node-query-overview");
        browser.get(root + "status/cheyenne");
        fullPageScreenshot("failed-node-query-detail");
    }

    @Test
    void theJupyterHubPageShowsItsCapacitySessionsAndNodes() throws IOException {
        Seeds.post("browser-hub", "deployed/jupyterhub", Seeds.nextCurrent(clock));
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(root + "status/browser-hub");
        // As rendered: the figures' labels are in capitals.
        String page = browser.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("Sessions") && page.contains("ON CASPER LOGIN NODES"), page);
        assertTrue(page.contains("Nodes") && page.contains("crhtc53"), page);
        String service = browser.findElement(By.cssSelector("section[aria-labelledby='service-heading']")).getText();
        assertTrue(service.contains("JUPYTERHUB\nUp\n"), "service state: " + service);
        fullPageScreenshot("jupyterhub-detail");
        browser.manage().window().setSize(new Dimension(360, 800));
        browser.navigate().refresh();
        assertNoHorizontalScrolling();
        fullPageScreenshot("jupyterhub-detail-phone");
    }

    @Test
    void darkModeFollowsTheBrowser() throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(root.toString());
        String light = backgroundColour();
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            browser.navigate().refresh();
            String dark = backgroundColour();
            assertNotEquals(light, dark, "the page background changes with prefers-color-scheme");
            screenshot("overview-dark");
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    @Test
    void chartsAtDesktopAndPhoneInBothPalettes() throws IOException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        for (int i = 0; i < 30; i++) {
            int step = i;
            // Two hours of posts, then half an hour of silence, then the present.
            Seeds.cluster("cheyenne", now.minus(Duration.ofMinutes(200)).plus(Duration.ofMinutes(5L * step)), payload ->
                    payload.put("cpu_utilization_percent", 40 + 30 * Math.sin(step / 5.0)).put("pending_jobs", 100 + 20 * step));
        }
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(root + "status/cheyenne");
        List<WebElement> charts = browser.findElements(By.cssSelector("figure.chart svg"));
        assertEquals(5, charts.size(), "nodes CPU and GPU, utilization, jobs, login node load");
        WebElement utilization = charts.get(2);
        assertTrue(utilization.findElement(By.tagName("title")).getAttribute("textContent").startsWith("Utilization, last 24 hours"));
        String line = utilization.findElement(By.cssSelector("path.series-1")).getAttribute("d");
        // The silence breaks the line: the present, alone after it, is a dot of its own.
        assertFalse(utilization.findElements(By.cssSelector("circle.dot.series-1")).isEmpty(), "a dot after the gap: " + line);
        browser.executeScript("document.getElementById('charts-heading').scrollIntoView()");
        screenshot("charts-desktop-light");
        browser.get(root + "theme/dark?back=%2Fstatus%2Fcheyenne");
        browser.executeScript("document.getElementById('charts-heading').scrollIntoView()");
        String dark = browser.findElement(By.cssSelector("figure.chart path.series-1")).getCssValue("stroke");
        screenshot("charts-desktop-dark");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        assertNoHorizontalScrolling();
        browser.executeScript("document.getElementById('charts-heading').scrollIntoView()");
        screenshot("charts-phone-dark");
        browser.get(root + "theme/light?back=%2Fstatus%2Fcheyenne");
        browser.executeScript("document.getElementById('charts-heading').scrollIntoView()");
        assertNotEquals(dark, browser.findElement(By.cssSelector("figure.chart path.series-1")).getCssValue("stroke"),
                "the lines follow the palette");
        screenshot("charts-phone-light");
        browser.get(root + "theme/auto?back=%2F");
    }

    private String backgroundColour() {
        return browser.findElement(By.tagName("body")).getCssValue("background-color");
    }

    private void assertNoHorizontalScrolling() {
        Browser.assertNoHorizontalScrolling(browser);
    }

    private void screenshot(String name) throws IOException {
        Browser.screenshot(browser, name);
    }

    private void fullPageScreenshot(String name) throws IOException {
        Browser.fullPageScreenshot(browser, name);
    }
}
