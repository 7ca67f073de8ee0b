package org.calsync.it.ui.pages;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven by Debian's chromedriver; nothing is downloaded. */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("calsync.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("calsync.chromedriver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final String base;
    private final Path userDataDir;

    public Browser(String base) {
        this(base, "en-GB");
    }

    /** A browser whose preferred language is the given one, as a French user's would be with "fr-FR". */
    public Browser(String base, String language) {
        try {
            this.userDataDir = Files.createTempDirectory("calsync-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        // Headless Chromium takes Accept-Language from this preference; --lang alone only sets the UI language.
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        options.setBinary(CHROMIUM.toFile());
        // The machine has no outside network: the background-networking flags keep Chromium from trying.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=" + language,
                "--user-data-dir=" + userDataDir);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.base = base.endsWith("/") ? base : base + "/";
    }

    /** CI must have Chromium (a missing one fails there); elsewhere its absence skips the test with a message. */
    /**
     * A browser on the address CalSync was told is its public one ({@code calsync.it.http.port}), where OAuth
     * providers send people back; Arquillian's own URL names another host.
     */
    public static Browser atPublicAddress() {
        return new Browser("http://localhost:" + Integer.getInteger("calsync.it.http.port") + "/");
    }

    public static void requireOrSkip() {
        if (Boolean.getBoolean("calsync.requireBrowser")) {
            Assertions.assertTrue(available(), "CI needs Debian's chromium and chromium-driver installed");
        }
        Assumptions.assumeTrue(available(), "Skipped: install Debian's chromium and chromium-driver to run browser tests");
    }

    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public WebDriver driver() {
        return driver;
    }

    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void waitForText(By locator, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /** Clicks, then waits until the AJAX answer has replaced the given part of the page. */
    public WebElement clickAndWaitForUpdate(WebElement button, By updated) {
        WebElement before = driver.findElement(updated);
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(before));
        return waitFor(updated);
    }

    public void waitForUrl(String fragment) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains(fragment));
    }

    /** Saves a PNG under target/screenshots so a person can look at what the test saw. */
    public Path screenshot(String name) {
        Path directory = Path.of(System.getProperty("calsync.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(directory);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = directory.resolve(name + ".png");
            Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
