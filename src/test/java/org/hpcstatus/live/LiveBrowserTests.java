package org.hpcstatus.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.support.Browser;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard's live script in a real browser (Debian's chromium): a post shows without a reload. System rill. */
@QuarkusTest
class LiveBrowserTests {

    private static final String OUTAGE = "Rill login nodes unreachable";

    private static ChromeDriver browser;

    @TestHTTPResource("/status/rill")
    URL page;

    @Inject
    TestClock clock;

    @Inject
    LiveStream stream;

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

    /** Whether the test opened the outage that cleanUp resolves. */
    private boolean outageOpened;

    @AfterEach
    void cleanUp() {
        if (outageOpened) {
            Seeds.resolve("rill", "major", OUTAGE);
        }
        clock.reset();
    }

    @Test
    void aPostAndAnOutageMadeWhileThePageIsOpenShowWithinFiveSecondsWithoutAReload() throws IOException {
        Seeds.cluster("rill", Seeds.nextCurrent(clock), p -> p.put("running_jobs", 1111));
        browser.get(page.toString());
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> "connected".equals(
                browser.findElement(By.tagName("html")).getAttribute("data-live")));
        browser.executeScript("window.sameDocument = 'yes';");
        String before = browser.findElement(By.id("main")).getText();
        assertFalse(before.contains("3,333"), before);

        Seeds.cluster("rill", Seeds.nextCurrent(clock), p -> p.put("running_jobs", 3333));
        Seeds.outage("rill", "major", OUTAGE);
        outageOpened = true;
        long posted = System.nanoTime();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(b -> {
            String text = browser.findElement(By.id("main")).getText();
            return text.contains("3,333") && text.contains(OUTAGE);
        });
        long shownMs = (System.nanoTime() - posted) / 1_000_000;
        assertEquals("yes", browser.executeScript("return window.sameDocument;"), "the page was not reloaded");
        Browser.screenshot(browser, "live-update");
        System.out.println("live update shown " + shownMs + " ms after the post");
    }

    /**
     * A page left behind closes its stream. Chromium kept the streams of pages held for the back button open, and a
     * browser holds at most six connections to a site: the seventh page in a row waited a minute to load.
     */
    @Test
    void aPageLeftBehindClosesItsStream() throws InterruptedException {
        browser.get(page.toString());
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> "connected".equals(
                browser.findElement(By.tagName("html")).getAttribute("data-live")));
        Thread.sleep(1_000); // the stream's connection established
        int open = openStreams();
        for (String next : new String[] {"/outages", "/status/rill", "/"}) {
            browser.get(page.toString().replace("/status/rill", next));
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> "connected".equals(
                    browser.findElement(By.tagName("html")).getAttribute("data-live")));
        }
        Thread.sleep(1_000);
        assertEquals(open, openStreams(), "one stream for the page shown, none for the pages left");
    }

    /** The streams still open: a heartbeat to each finds those whose clients went (a write to them fails). */
    private int openStreams() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            stream.heartbeat();
            Thread.sleep(500);
        }
        return stream.clients();
    }
}
