package org.calsync.it.ui.pages;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
    private final String language;

    public Browser(String base) {
        this(base, "en-GB");
    }

    /**
     * A browser whose preferred language is the given one, as a French user's would be with "fr-FR". It is signed
     * out and blank, as a new one is, though its Chromium may have served an earlier test ({@link IdleChromiums}).
     */
    public Browser(String base, String language) {
        this.language = language;
        this.driver = IdleChromiums.take(language).orElseGet(() -> start(language));
        this.base = base.endsWith("/") ? base : base + "/";
    }

    private static ChromeDriver start(String language) {
        Path userDataDir;
        try {
            userDataDir = Files.createTempDirectory("calsync-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        // Headless Chromium takes Accept-Language from this preference; --lang alone only sets the UI language.
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        options.setBinary(CHROMIUM.toFile());
        // Keeps the page's console so that a test can fail on a JavaScript error or a resource that did not load.
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // The machine has no outside network: the background-networking flags keep Chromium from trying.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + IdleChromiums.STARTING_SIZE.getWidth() + ","
                        + IdleChromiums.STARTING_SIZE.getHeight(),
                "--lang=" + language, "--user-data-dir=" + userDataDir);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /**
     * A browser on the address CalSync was told is its public one ({@code calsync.it.http.port}), where OAuth
     * providers send people back; Arquillian's own URL names another host.
     */
    public static Browser atPublicAddress() {
        return new Browser("http://localhost:" + Integer.getInteger("calsync.it.http.port") + "/");
    }

    /** CI must have Chromium (a missing one fails there); elsewhere its absence skips the test with a message. */
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
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void waitForText(By locator, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /**
     * Twenty seconds of waiting, after which the failure says which page the browser was on and what it showed:
     * an AJAX error sends the browser to an error page, and the element waited for is then simply missing.
     */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.withMessage(this::whereItWas);
        return wait;
    }

    private String whereItWas() {
        try {
            String shown = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
            return "the browser was on " + driver.getCurrentUrl() + ", showing: "
                    + shown.substring(0, Math.min(shown.length(), 400));
        } catch (RuntimeException e) {
            return "the browser's page could not be read: " + e;
        }
    }

    /** Clicks, then waits until the AJAX answer has replaced the given part of the page. */
    public WebElement clickAndWaitForUpdate(WebElement button, By updated) {
        WebElement before = driver.findElement(updated);
        button.click();
        waiting().until(ExpectedConditions.stalenessOf(before));
        return waitFor(updated);
    }

    public void waitForUrl(String fragment) {
        waiting().until(ExpectedConditions.urlContains(fragment));
    }

    /** Scrolls the element to the middle of the window, so that a screenshot shows it. */
    public void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /** The window as a phone (390 px) or a desktop (1400 px) shows the page. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        // The window has its new size before the page has laid itself out again (responsive tables reflow on the
        // resize event): a layout check made at once measured a phone page 508 px too wide, with nothing there.
        // Wait for two frames in which the page's width holds still.
        waiting().until(page -> (Boolean) ((JavascriptExecutor) page).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const width = () => document.documentElement.scrollWidth;"
                        + " const before = width();"
                        + " requestAnimationFrame(() => requestAnimationFrame(() => done(width() === before)));"));
    }

    /**
     * What breaks the page's layout: a page wider than the window, and, among the visible elements found by these
     * locators, one that sticks out of the window sideways or overlaps another (other than one holding the other).
     * Empty when the layout holds.
     */
    @SuppressWarnings("unchecked")
    public List<String> layoutProblems(By... elements) {
        List<String> problems = new java.util.ArrayList<>();
        long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        if (overflow > 1) {
            // Name the outermost elements that reach past the window, so that the message says where to look.
            Object culprits = ((JavascriptExecutor) driver).executeScript(
                    "const w = document.documentElement.clientWidth;"
                            + " const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                            + " + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');"
                            + " const wide = [...document.querySelectorAll('*')].map(e => [e, e.getBoundingClientRect().right + window.scrollX])"
                            + ".filter(([e, right]) => right > w + 1);"
                            + " const outer = wide.filter(([e]) => !wide.some(([o]) => o === e.parentElement));"
                            // Text that does not wrap (a long address) overflows its element without widening it.
                            + " const texts = []; const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
                            + " for (let t = walk.nextNode(); t; t = walk.nextNode()) { const r = document.createRange();"
                            + " r.selectNodeContents(t); const right = r.getBoundingClientRect().right + window.scrollX;"
                            + " if (right > w + 1) texts.push(name(t.parentElement) + ' text \"' + t.textContent.trim().slice(0, 40)"
                            + " + '\" to ' + Math.round(right) + ' px'); }"
                            + " return outer.slice(0, 3).map(([e, right]) => name(e) + ' to ' + Math.round(right) + ' px')"
                            + ".concat(texts.slice(0, 3));");
            problems.add("the page is " + overflow + " px wider than the window, through " + culprits);
        }
        // A word cut into three lines or more (a column's name in a squeezed cell) reads as letters, not a word.
        List<String> broken = (List<String>) ((JavascriptExecutor) driver).executeScript(
                "const broken = new Set(); const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
                        + " for (let t = walk.nextNode(); t; t = walk.nextNode()) { const words = /\\S{4,}/g; let m;"
                        + " while ((m = words.exec(t.textContent))) { const r = document.createRange();"
                        + " r.setStart(t, m.index); r.setEnd(t, m.index + m[0].length);"
                        // Fragments on one line differ by a pixel or two; lines by a line's height.
                        + " const tops = [...r.getClientRects()].filter(b => b.width > 0).map(b => b.top).sort((x, y) => x - y);"
                        + " const lines = tops.filter((top, i) => i === 0 || top - tops[i - 1] > 6).length;"
                        + " if (lines >= 3) broken.add(m[0]); } }"
                        + " return [...broken].slice(0, 5);");
        if (!broken.isEmpty()) {
            problems.add("words cut into three lines or more: " + broken);
        }
        // A switch is wider than it is tall; one squeezed by a long label beside it shows as a sliver.
        List<String> squeezed = (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('.ui-toggleswitch')].filter(e => e.offsetParent !== null)"
                        + ".filter(e => { const r = e.getBoundingClientRect(); return r.width < r.height * 1.4; })"
                        + ".map(e => e.id || (e.parentElement && e.parentElement.id) || 'a switch').slice(0, 5);");
        if (!squeezed.isEmpty()) {
            problems.add("switches squeezed narrower than a switch: " + squeezed);
        }
        List<WebElement> shown = new java.util.ArrayList<>();
        for (By locator : elements) {
            driver.findElements(locator).stream().filter(WebElement::isDisplayed).forEach(shown::add);
        }
        List<Map<String, Object>> boxes = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript(
                "return arguments[0].map(e => { const r = e.getBoundingClientRect();"
                        + " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, name: e.id || e.textContent.trim(),"
                        + " inside: arguments[0].filter(o => o !== e && o.contains(e)).map(o => o.id)}; });",
                shown);
        long width = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.clientWidth;");
        for (int i = 0; i < boxes.size(); i++) {
            Map<String, Object> a = boxes.get(i);
            if (number(a, "left") < -1 || number(a, "right") > width + 1) {
                problems.add(a.get("name") + " sticks out of the window (" + number(a, "left") + " to " + number(a, "right")
                        + " of " + width + " px)");
            }
            for (int j = i + 1; j < boxes.size(); j++) {
                Map<String, Object> b = boxes.get(j);
                if (((List<?>) a.get("inside")).contains(b.get("name")) || ((List<?>) b.get("inside")).contains(a.get("name"))) {
                    continue; // one holds the other: a dialog and its buttons
                }
                double across = Math.min(number(a, "right"), number(b, "right")) - Math.max(number(a, "left"), number(b, "left"));
                double down = Math.min(number(a, "bottom"), number(b, "bottom")) - Math.max(number(a, "top"), number(b, "top"));
                if (across > 1 && down > 1) {
                    problems.add(a.get("name") + " overlaps " + b.get("name"));
                }
            }
        }
        return problems;
    }

    /**
     * Visible elements found by these locators that reach past the edge of a box that scrolls or clips sideways (a
     * dialog's content, a panel): on a phone they are cut off, or need a sideways scroll to be seen whole.
     */
    @SuppressWarnings("unchecked")
    public List<String> cutOffSideways(By... elements) {
        List<WebElement> shown = new java.util.ArrayList<>();
        for (By locator : elements) {
            driver.findElements(locator).stream().filter(WebElement::isDisplayed).forEach(shown::add);
        }
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return arguments[0].flatMap(e => { const r = e.getBoundingClientRect();"
                        + " for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {"
                        + " const x = getComputedStyle(a).overflowX; if (x === 'visible') continue;"
                        + " const c = a.getBoundingClientRect(); const right = c.left + a.clientLeft + a.clientWidth;"
                        + " if (r.right > right + 1 || r.left < c.left - 1) return [(e.id || e.textContent.trim().slice(0, 40))"
                        + " + ' is cut off at the edge of ' + (a.id || a.className || a.tagName) + ' (' + Math.round(r.right)"
                        + " + ' past ' + Math.round(right) + ' px)']; } return []; });",
                shown);
    }

    /**
     * Visible elements matching the CSS selector whose boxes cross, where neither holds the other: labels written
     * over each other, a checkbox under its neighbour's text. Each is named by its id or its first words.
     */
    @SuppressWarnings("unchecked")
    public List<String> overlapsAmong(String selector) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                const shown = [...document.querySelectorAll(arguments[0])].filter(e => e.getClientRects().length
                    && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[aria-hidden=true], .ui-helper-hidden-accessible'));
                const name = e => e.id || (e.innerText || e.value || e.tagName).trim().slice(0, 40);
                const found = [];
                for (let i = 0; i < shown.length; i++) {
                  const a = shown[i].getBoundingClientRect();
                  if (a.width < 1 || a.height < 1) continue;
                  for (let j = i + 1; j < shown.length && found.length < 10; j++) {
                    if (shown[i].contains(shown[j]) || shown[j].contains(shown[i])) continue;
                    const b = shown[j].getBoundingClientRect();
                    const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                    const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                    if (across > 2 && down > 2) found.push(name(shown[i]) + ' overlaps ' + name(shown[j]));
                  }
                }
                return found;""", selector);
    }

    /** The page console's errors since the last call: scripts that threw and resources that did not load. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(entry -> entry.getMessage()).toList();
    }

    /** The text a person reads on the page, without what is hidden. */
    public String visibleText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    private static double number(Map<String, Object> box, String key) {
        return ((Number) box.get(key)).doubleValue();
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

    /** Saves the whole page, not only the window: the window grows to the page's height for the picture. */
    public Path screenshotWholePage(String name) {
        org.openqa.selenium.Dimension window = driver.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
        resize(window.getWidth(), (int) Math.min(Math.max(height + 140, window.getHeight()), 6000));
        try {
            return screenshot(name);
        } finally {
            resize(window.getWidth(), window.getHeight());
        }
    }

    /** Signs out of every site and hands the Chromium on to the next test of this JVM. */
    @Override
    public void close() {
        List<URI> origins = new java.util.ArrayList<>(List.of(origin(URI.create(base))));
        try {
            URI current = URI.create(driver.getCurrentUrl());
            if (current.getScheme() != null && current.getScheme().startsWith("http")) {
                origins.add(origin(current));
            }
        } catch (RuntimeException unreadable) {
            // the reset below finds out whether this browser can still serve
        }
        IdleChromiums.handBack(language, driver, origins);
    }

    private static URI origin(URI address) {
        return URI.create(address.getScheme() + "://" + address.getAuthority());
    }
}
