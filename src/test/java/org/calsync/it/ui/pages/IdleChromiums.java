package org.calsync.it.ui.pages;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;

/**
 * Chromium processes a test JVM keeps between its browsers, one set per preferred language (a process's
 * Accept-Language is fixed when it starts). Starting one costs about two CPU seconds and comes with an empty cache,
 * so every first page fetched all of PrimeFaces again; on two busy cores that was a good part of the browser tests.
 * A browser handed back is reset to what a new one is: one window on a blank page at the starting size, no cookie
 * and no storage of any site, no console message left over. Only the HTTP cache stays, as for a returning visitor.
 */
final class IdleChromiums {

    static final Dimension STARTING_SIZE = new Dimension(1400, 1000);

    private static final Map<String, Deque<ChromeDriver>> IDLE = new HashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(IdleChromiums::quitAll, "quit idle Chromium"));
    }

    private IdleChromiums() {
    }

    static synchronized Optional<ChromeDriver> take(String language) {
        return Optional.ofNullable(IDLE.getOrDefault(language, new ArrayDeque<>()).pollFirst());
    }

    /** Keeps the browser for the next test if it can be reset; quits it otherwise. */
    static void handBack(String language, ChromeDriver driver, List<URI> originsVisited) {
        try {
            reset(driver, originsVisited);
        } catch (RuntimeException stuck) {
            // An alert left open, a crashed tab: a new browser is cheaper than guessing.
            driver.quit();
            return;
        }
        synchronized (IdleChromiums.class) {
            IDLE.computeIfAbsent(language, any -> new ArrayDeque<>()).addFirst(driver);
        }
    }

    private static void reset(ChromeDriver driver, List<URI> originsVisited) {
        List<String> windows = List.copyOf(driver.getWindowHandles());
        for (String window : windows.subList(1, windows.size())) {
            driver.switchTo().window(window).close();
        }
        driver.switchTo().window(windows.get(0));
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        for (URI origin : originsVisited) {
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin.toString(), "storageTypes",
                    "local_storage,session_storage,indexeddb,service_workers,cache_storage"));
        }
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().window().setSize(STARTING_SIZE);
    }

    private static synchronized void quitAll() {
        IDLE.values().forEach(drivers -> drivers.forEach(driver -> {
            try {
                driver.quit();
            } catch (RuntimeException alreadyGone) {
                // the JVM is ending; nothing to tell
            }
        }));
        IDLE.clear();
    }
}
