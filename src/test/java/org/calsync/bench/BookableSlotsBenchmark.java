package org.calsync.bench;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.calsync.it.support.Api;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.LoginPage;
import org.calsync.testsupport.RadicaleServer;

/**
 * Self-booking's bookable times: one instructor with a Radicale calendar of 500 busy events over four weeks
 * (pulled), availability from 08:00 to 20:00 every day, a 30-minute kind offered every 15 minutes. Prints the API's
 * time to list four weeks of bookable times against the goal of 20 ms. Needs a running CalSync with demo data; run
 * with bench/booking-slots.sh.
 */
public final class BookableSlotsBenchmark {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final int EVENTS = 500;
    private static final int DAYS = 28;
    private static final int RUNS = Integer.getInteger("runs", 50);
    /** Calls before those timed: the server's first calls run code not yet compiled and take twice as long. */
    private static final int WARM_UPS = Integer.getInteger("warmups", 100);

    private BookableSlotsBenchmark() {
    }

    /** The sorted times of RUNS calls after WARM_UPS others. */
    private static long[] median(Api api, String path) {
        long[] times = new long[RUNS];
        for (int run = -WARM_UPS; run < RUNS; run++) {
            long started = System.nanoTime();
            ExchangeBench.require(api.get(path), 200);
            if (run >= 0) {
                times[run] = System.nanoTime() - started;
            }
        }
        Arrays.sort(times);
        return times;
    }

    /**
     * In headless Chromium, a learner of the instructor's on Book a session: from a click on the next or the previous
     * week to that week's times drawn, alternately, 10 times after 20 warm-ups.
     */
    private static void pageTimes(URL calsync, Api api, String instructor, LocalDate first) {
        String email = "slots-learner-" + System.nanoTime() + "@northwind.example";
        ExchangeBench.require(api.post("people", """
                {"email":"%s","displayName":"Bench Learner","timeZone":"Europe/London","roles":["Learner"],"password":"bench-secret-1"}"""
                .formatted(email)), 201);
        String learner = api.personId(email);
        String session = api.post("sessions", """
                {"courseTitle":"Bench class","start":"%sT07:00","end":"%sT07:30","timeZone":"Europe/London"}"""
                .formatted(first.plusDays(40), first.plusDays(40))).object().getString("id");
        api.post("sessions/" + session + "/instructors", "{\"personId\":\"" + instructor + "\"}");
        api.post("sessions/" + session + "/registrations", "{\"personId\":\"" + learner + "\"}");
        try (Browser browser = new Browser(calsync.toString())) {
            new LoginPage(browser).signInAs(email, "bench-secret-1");
            browser.open("portal/book.xhtml");
            browser.waitFor(By.id("slotsForm:later"));
            long[] times = new long[10];
            long[] requests = new long[times.length];
            for (int run = -20; run < times.length; run++) {
                String button = (run & 1) == 0 ? "slotsForm:later" : "slotsForm:earlier";
                WebElement before = browser.driver().findElement(By.id("slotsForm:week"));
                long started = System.nanoTime();
                browser.driver().findElement(By.id(button)).click();
                new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(10))
                        .until(ExpectedConditions.stalenessOf(before));
                new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(10))
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#slotsForm .cs-slot-days")));
                if (run >= 0) {
                    times[run] = System.nanoTime() - started;
                    // The request alone, from its start to the answer's last byte, as the browser timed it.
                    requests[run] = ((Number) ((JavascriptExecutor) browser.driver()).executeScript(
                            "var xhr = performance.getEntriesByType('resource').filter(function (e) {"
                                    + " return e.initiatorType === 'xmlhttprequest'; }).pop();"
                                    + " return Math.round((xhr.responseEnd - xhr.requestStart) * 1000);")).longValue()
                            * 1000;
                }
            }
            Arrays.sort(times);
            Arrays.sort(requests);
            System.out.printf("  Browser, Later or Earlier days to the week's times drawn: median %.0f ms, max %.0f ms "
                    + "(10 runs after 20 warm-ups), of which the request %.0f ms; goal 300 ms%n", times[5] / 1e6,
                    times[9] / 1e6, requests[5] / 1e6);
        }
    }

    public static void main(String[] args) throws Exception {
        URL calsync = new URL(args.length > 0 ? args[0] : "http://localhost:8080/");
        Api api = new Api(calsync, "csk_demo_northwind_0000000000000001");
        RadicaleServer radicale = new RadicaleServer().withUser("bench", "bench-secret");
        radicale.start();
        try {
            String instructor = api.createInstructor("slots-" + System.nanoTime() + "@northwind.example",
                    "Bench Instructor", "Europe/London");
            URI calendar = radicale.createCalendar("bench", "work");
            LocalDate first = LocalDate.now(LONDON).plusDays(1);
            for (int i = 0; i < EVENTS; i++) {
                // Spread over the four weeks, 30 to 90 minutes each, from 08:00 to 19:00.
                LocalDate day = first.plusDays(i % DAYS);
                int startMinute = 8 * 60 + (i * 37) % (11 * 60);
                int length = 30 + (i * 13) % 61;
                var start = day.atStartOfDay(LONDON).plusMinutes(startMinute).toInstant().atOffset(ZoneOffset.UTC);
                String uid = "slots-bench-" + i;
                radicale.putEvent("bench", calendar.resolve(uid + ".ics"), """
                        BEGIN:VCALENDAR\r
                        VERSION:2.0\r
                        PRODID:-//Bench//EN\r
                        BEGIN:VEVENT\r
                        UID:%s\r
                        DTSTAMP:20261101T120000Z\r
                        DTSTART:%s\r
                        DTEND:%s\r
                        SUMMARY:Busy %d\r
                        END:VEVENT\r
                        END:VCALENDAR\r
                        """.formatted(uid, ICS.format(start), ICS.format(start.plusMinutes(length)), i));
            }
            ExchangeBench.require(api.post("people/" + instructor + "/calendar-accounts", """
                    {"provider":"CALDAV","serverUrl":"%s","username":"bench","password":"bench-secret"}"""
                    .formatted(radicale.base())), 201);
            api.post("people/" + instructor + "/sync", "");
            ExchangeBench.require(api.publishEveryDay(instructor, "08:00", "20:00"), 200);
            Api.Reply offered = api.post("people/" + instructor + "/bookable-kinds", """
                    {"name":"Coaching","lengthMinutes":30,"bufferBeforeMinutes":5,"bufferAfterMinutes":5,"horizonDays":60,"maxPerDay":20,"startEveryMinutes":15}""");
            ExchangeBench.require(offered, 201);
            String query = "bookable-kinds/" + offered.object().getString("id") + "/slots?from="
                    + first.atStartOfDay(LONDON).toInstant() + "&to=" + first.plusDays(DAYS).atStartOfDay(LONDON).toInstant();
            long[] times = median(api, query);
            int slots = api.get(query).array().size();
            // The same API's answer for the kind alone: what any call costs, whatever it asks.
            long[] floor = median(api, "bookable-kinds/" + offered.object().getString("id"));
            System.out.printf("Bookable times of one instructor over %d days, %d busy events in Radicale (pulled), "
                    + "08:00-20:00 daily, 30 min every 15 min%n", DAYS, EVENTS);
            System.out.printf("  API: median %.1f ms, max %.1f ms (%d runs after %d warm-ups), %d bookable times; goal 20 ms%n",
                    times[RUNS / 2] / 1e6, times[RUNS - 1] / 1e6, RUNS, WARM_UPS, slots);
            System.out.printf("  the same API reading the kind alone: median %.1f ms%n", floor[RUNS / 2] / 1e6);
            pageTimes(calsync, api, instructor, first);
        } finally {
            radicale.stop();
        }
    }
}
