package org.hpcstatus.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for page tests: Debian's chromium through its chromedriver (nothing downloaded), headless, with
 * screenshots saved under target/screenshots for a reviewer to look at.
 */
public final class Browser {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browser() {
    }

    /** Starts one; where chromium is missing the calling test class is reported as skipped (.ci/run installs it). */
    public static ChromeDriver start() throws IOException {
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "browser tests skipped: install Debian's chromium and chromium-driver (apt-get install chromium"
                        + " chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        Files.createDirectories(SCREENSHOTS);
        return new ChromeDriver(service, options);
    }

    public static void screenshot(ChromeDriver browser, String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Grows the window to the page's height first, so the screenshot shows the whole page. */
    public static void fullPageScreenshot(ChromeDriver browser, String name) throws IOException {
        Dimension size = browser.manage().window().getSize();
        long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight;")).longValue();
        browser.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + 100, 6000)));
        screenshot(browser, name);
        browser.manage().window().setSize(size);
    }

    public static void assertNoHorizontalScrolling(ChromeDriver browser) {
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, ((Number) overflow).longValue(), "page must fit the phone's width");
    }

    /**
     * Clicks, and waits until the next page has replaced this one (a click returns before it has) and has loaded.
     * While the old page goes, chromedriver may report its element as stale or as no longer in the document: either
     * means it is gone.
     */
    public static void submit(ChromeDriver browser, By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        wait.until(driver -> "complete".equals(browser.executeScript("return document.readyState")));
    }

    /** Replaces a field's text, as typed. */
    public static void type(ChromeDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
