package org.calsync.bench;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.calsync.it.support.Api;
import org.calsync.it.ui.pages.AssistantPage;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.LoginPage;
import org.calsync.testsupport.RadicaleServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The scheduling assistant with many people: N people over two weeks, half with a Radicale calendar full of
 * busy events, everyone in groups of five teaching sessions every day. Prints the API's plan time, and in
 * headless Chromium the time from "Find times" to the timeline drawn, with the items on the page.
 * Needs a running CalSync with demo data; run with bench/assistant.sh [people].
 */
public final class AssistantBenchmark {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final int[][] SESSION_HOURS = {{9, 10}, {14, 15}};
    private static final int[][] EVENT_HOURS = {{11, 12}, {16, 17}};

    private AssistantBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        URL calsync = new URL(args.length > 0 ? args[0] : "http://localhost:8080/");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Api api = new Api(calsync, "csk_demo_northwind_0000000000000001");
        LocalDate monday = LocalDate.now(PARIS).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate lastDay = monday.plusDays(13);
        RadicaleServer radicale = new RadicaleServer();
        for (int i = 0; i < count / 2; i++) {
            radicale.withUser("bench" + i, "bench-secret-" + i);
        }
        radicale.start();
        try {
            List<String> people = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                people.add(api.createInstructor("bench" + i + "-" + System.nanoTime() + "@northwind.example",
                        "Bench Person " + i, "Europe/Paris"));
            }
            int events = 0;
            for (int i = 0; i < count / 2; i++) {
                URI calendar = radicale.createCalendar("bench" + i, "work");
                for (LocalDate day = monday; !day.isAfter(lastDay); day = day.plusDays(1)) {
                    for (int[] hours : EVENT_HOURS) {
                        String uid = "bench-" + i + "-" + day + "-" + hours[0];
                        radicale.putEvent("bench" + i, calendar.resolve(uid + ".ics"), ics(uid, day, hours));
                        events++;
                    }
                }
                api.post("people/" + people.get(i) + "/calendar-accounts", """
                        {"provider":"CALDAV","serverUrl":"%s","username":"bench%d","password":"bench-secret-%d"}"""
                        .formatted(radicale.base(), i, i));
                api.post("people/" + people.get(i) + "/sync", "");
            }
            int sessions = 0;
            for (int group = 0; group * 5 < count; group++) {
                for (LocalDate day = monday; !day.isAfter(lastDay); day = day.plusDays(1)) {
                    for (int[] hours : SESSION_HOURS) {
                        String id = api.post("sessions", """
                                {"courseTitle":"Bench group %d","start":"%sT%02d:00","end":"%sT%02d:00","timeZone":"Europe/Paris","state":"DRAFT"}"""
                                .formatted(group, day, hours[0], day, hours[1])).object().getString("id");
                        for (int member = group * 5; member < Math.min(count, group * 5 + 5); member++) {
                            api.post("sessions/" + id + "/instructors", "{\"personId\":\"" + people.get(member) + "\"}");
                        }
                        sessions++;
                    }
                }
            }
            System.out.printf("Scheduling assistant, %d people over 14 days: %d busy events in %d Radicale calendars, "
                    + "%d sessions%n", count, events, count / 2, sessions);

            String query = "scheduling-assistant?people=" + String.join(",", people) + "&from=" + monday + "&to=" + lastDay
                    + "&minutes=60&timeZone=Europe/Paris";
            long[] apiTimes = new long[10];
            for (int run = -3; run < apiTimes.length; run++) {
                long started = System.nanoTime();
                Api.Reply reply = api.get(query);
                if (reply.status() != 200) {
                    throw new IllegalStateException(reply.toString());
                }
                if (run >= 0) {
                    apiTimes[run] = System.nanoTime() - started;
                }
            }
            Arrays.sort(apiTimes);
            System.out.printf("  API plan: median %.0f ms, max %.0f ms (10 runs after 3 warm-ups), %d times proposed%n",
                    apiTimes[5] / 1e6, apiTimes[9] / 1e6, api.get(query).object().getJsonArray("slots").size());

            try (Browser admin = new Browser(calsync.toString())) {
                new LoginPage(admin).signInAs("admin@northwind.example", "calsync-demo");
                long[] pageTimes = new long[5];
                for (int run = 0; run < pageTimes.length; run++) {
                    AssistantPage page = AssistantPage.open(admin);
                    page.fill(people, monday, lastDay, "Europe/Paris");
                    long started = System.nanoTime();
                    page.clickFindTimes();
                    drawn(admin);
                    pageTimes[run] = System.nanoTime() - started;
                }
                JavascriptExecutor js = (JavascriptExecutor) admin.driver();
                Object ajax = js.executeScript(
                        "var xhr = performance.getEntriesByType('resource').filter(function (e) {"
                                + " return e.initiatorType === 'xmlhttprequest'; }).pop();"
                                + " return xhr ? Math.round(xhr.responseEnd - xhr.requestStart) + ' ms, '"
                                + " + Math.round(xhr.transferSize / 1024) + ' KiB' : 'none';");
                System.out.println("  the last Find times request, server and transfer: " + ajax);
                // What the answer is made of: the parts of the partial response, largest first.
                js.executeScript("var open = XMLHttpRequest.prototype.open; XMLHttpRequest.prototype.open = function () {"
                        + " this.addEventListener('load', function () { window.__answer = this.responseText; });"
                        + " return open.apply(this, arguments); };");
                js.executeScript("document.getElementById('assistantForm:find').click();");
                new WebDriverWait(admin.driver(), Duration.ofMinutes(2))
                        .until(driver -> js.executeScript("return window.__answer ? true : null;"));
                Files.writeString(Path.of("target/bench-assistant-answer.xml"),
                        (String) js.executeScript("return window.__answer;"));
                System.out.println("  its largest parts: " + js.executeScript("var doc = new DOMParser()"
                        + ".parseFromString(window.__answer, 'text/xml'); return [...doc.querySelectorAll('update')]"
                        + ".map(u => [u.getAttribute('id'), u.textContent.length]).sort((a, b) => b[1] - a[1]).slice(0, 4)"
                        + ".map(p => p[0] + ' ' + Math.round(p[1] / 1024) + ' KiB').join(', ');"));
                int items = admin.driver().findElements(By.cssSelector("#planForm\\:timeline .vis-item")).size();
                js.executeScript("document.getElementById('planForm').scrollIntoView();");
                admin.screenshot("bench-assistant-" + count + "-people");
                Arrays.sort(pageTimes);
                System.out.printf("  Browser, Find times to timeline drawn: median %.0f ms, max %.0f ms (5 runs); "
                        + "%d timeline items drawn in the first week's view%n", pageTimes[2] / 1e6, pageTimes[4] / 1e6, items);
            }
        } finally {
            radicale.stop();
        }
    }

    /**
     * Until the suggested times are drawn and shown: vis-timeline keeps the whole timeline hidden until its first
     * full draw (with fifty rows it once never showed it, and this wait ran out).
     */
    private static void drawn(Browser admin) {
        // Polled every 10 ms: the default half second would round every figure up to it.
        By suggested = By.cssSelector("#planForm\\:timeline .vis-item.cs-slot");
        new WebDriverWait(admin.driver(), Duration.ofMinutes(2)).pollingEvery(Duration.ofMillis(10))
                .until(ExpectedConditions.visibilityOfElementLocated(suggested));
    }

    private static String ics(String uid, LocalDate day, int[] hours) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Bench//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20261101T120000Z\r\nDTSTART:" + utc(day, hours[0]) + "\r\nDTEND:" + utc(day, hours[1])
                + "\r\nSUMMARY:Busy " + uid + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    private static String utc(LocalDate day, int hour) {
        return ICS.format(day.atTime(hour, 0).atZone(PARIS).withZoneSameInstant(ZoneOffset.UTC));
    }
}
