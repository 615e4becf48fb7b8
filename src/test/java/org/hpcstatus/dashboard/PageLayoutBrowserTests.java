package org.hpcstatus.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.support.Browser;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;
import org.hpcstatus.support.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every page, on a 390 px phone and a 1280 px desktop, with the deployed collectors' fullest posts: no element may
 * stick out of the viewport, and none may cut or scroll its content sideways (a table in a scrolling box, a tab
 * strip, a label ending in an ellipsis; a form field may scroll a long value). Screenshots of each under target/screenshots/layout-*.png.
 */
@QuarkusTest
class PageLayoutBrowserTests {

    private static final int[] WIDTHS = {390, 1280};

    /**
     * The elements that stick out of the viewport or cut their content, described; empty when the page fits. The
     * skip link waits off-screen until focused (by design), and what is clipped to nothing (a table's header row kept
     * for screen readers) is not seen.
     */
    private static final String MISFITS = """
            const width = document.documentElement.clientWidth;
            const found = [];
            const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
                + ' "' + (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '"';
            const unseen = el => {
              for (let a = el; a; a = a.parentElement) {
                const style = getComputedStyle(a);
                if (style.display === 'none' || style.visibility === 'hidden' || a.classList.contains('skip')
                    || style.position === 'absolute' && style.clip !== 'auto') return true;
              }
              return false;
            };
            if (document.documentElement.scrollWidth > width) {
              found.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' px in ' + width);
            }
            for (const el of document.body.querySelectorAll('*')) {
              const box = el.getBoundingClientRect();
              if (box.width === 0 || box.height === 0) continue;
              const out = box.right > width + 1 || box.left < -1;
              const style = getComputedStyle(el);
              // A form field scrolls a long value by nature; it must fit the viewport, which "out" checks.
              const cuts = !el.matches('input, textarea, select')
                  && ['hidden', 'auto', 'scroll', 'clip'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
              if ((out || cuts) && !unseen(el)) {
                found.push(name(el) + (out ? ' spans ' + Math.round(box.left) + '..' + Math.round(box.right) + ' of ' + width
                    : ' cuts or scrolls its content: ' + el.scrollWidth + ' px in ' + el.clientWidth));
              }
            }
            return found.slice(0, 15);
            """;

    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestClock clock;

    @Inject
    TestData data;

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
    void everyPageFitsAPhoneAndADesktop() throws IOException {
        Seeds.post("layout-derecho", "deployed/derecho-full-machine", Seeds.nextCurrent(clock));
        Seeds.post("layout-casper", "deployed/casper", Seeds.nextCurrent(clock));
        Seeds.post("layout-hub", "deployed/jupyterhub", Seeds.nextCurrent(clock));
        int outage = Seeds.outage("layout-derecho", "major", "Lustre metadata server unresponsive: jobs reading /glade hang");
        data.createOperator("layout_ops", "layout-operator-pw");
        List<String> pages = List.of("", "status/layout-derecho", "status/layout-casper", "status/layout-hub",
                "status/layout-casper/node-types/htc", "status/layout-derecho/partitions/cpu",
                "status/layout-hub/partitions/hub", "status/layout-derecho/queues/cpu", "outages",
                "api/v1/status/", "login");
        List<String> operatorPages = List.of("operator", "operator/outages/" + outage);
        List<String> misfits = new ArrayList<>();
        try {
            for (int width : WIDTHS) {
                browser.manage().window().setSize(new Dimension(width, 900));
                for (String page : pages) {
                    misfits.addAll(check(page, width));
                }
                logIn();
                for (String page : operatorPages) {
                    misfits.addAll(check(page, width));
                }
                browser.manage().deleteAllCookies();
            }
        } finally {
            Seeds.resolve("layout-derecho", "major", "Lustre metadata server unresponsive: jobs reading /glade hang");
        }
        assertEquals(List.of(), misfits, "every element fits the viewport, and none is cut");
    }

    private List<String> check(String page, int width) throws IOException {
        browser.get(root + page);
        // Details that hide the rest on a phone are opened: what they show must fit too.
        browser.executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
        Browser.fullPageScreenshot(browser, "layout-" + width + "-" + (page.isEmpty() ? "overview"
                : page.replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "")));
        List<String> found = new ArrayList<>();
        for (Object misfit : (List<?>) browser.executeScript(MISFITS)) {
            found.add(width + " px /" + page + ": " + misfit);
        }
        return found;
    }

    private void logIn() {
        browser.get(root + "login");
        Browser.type(browser, "username", "layout_ops");
        Browser.type(browser, "password", "layout-operator-pw");
        Browser.submit(browser, By.cssSelector("form.login button"));
    }
}
