package org.calsync.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.OtherClient;
import org.calsync.it.ui.pages.AssistantPage;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.LoginPage;
import org.calsync.testsupport.Eventually;
import org.calsync.testsupport.RadicaleServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The scheduling assistant: three people, one busy in her Radicale calendar (under a hostile title), one
 * teaching a session, one free. The best time is the one hour they all have; hovering a busy block says
 * where it came from; clicking the suggestion books a session that reaches her Radicale calendar.
 */
@ExtendWith(ArquillianExtension.class)
class SchedulingAssistantUiIT {

    private static final String HOSTILE = "<script>window.pwned=1</script>Dentist";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @RegisterExtension
    static final RadicaleServer RADICALE = new RadicaleServer().withUser("ines", "ines-secret");

    @ArquillianResource
    private URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    private Api api() {
        return new Api(url, "csk_demo_northwind_0000000000000001");
    }

    @Test
    void theTimeEveryoneHasComesFirstAndClickingItBooksASession() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        LocalDate monday = LocalDate.now(PARIS).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String ines = api().createInstructor("ines-" + suffix + "@northwind.example", "Ines Roux " + suffix, "Europe/Paris");
        String theo = api().createInstructor("theo-" + suffix + "@northwind.example", "Theo Blanc " + suffix, "Europe/Paris");
        String lea = api().createInstructor("lea-" + suffix + "@northwind.example", "Lea Petit " + suffix, "Europe/Paris");

        URI calendar = RADICALE.createCalendar("ines", "work");
        assertEquals(201, api().post("people/" + ines + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"ines","password":"ines-secret"}"""
                .formatted(RADICALE.base())).status());
        RADICALE.putEvent("ines", calendar.resolve("dentist-" + suffix + ".ics"),
                OtherClient.event("dentist-" + suffix, monday, 9, 12, PARIS, HOSTILE));
        assertEquals(200, api().post("people/" + ines + "/sync", "").status());
        Api.Reply payroll = api().post("sessions", """
                {"courseTitle":"Payroll %s","start":"%sT13:00","end":"%sT15:00","timeZone":"Europe/Paris"}"""
                .formatted(suffix, monday, monday));
        String payrollId = payroll.object().getString("id");
        assertEquals(200, api().post("sessions/" + payrollId + "/instructors", "{\"personId\":\"" + theo + "\"}").status());

        // The API first: the one hour everyone has is 12:00, and each row says what keeps them busy.
        Api.Reply plan = api().get("scheduling-assistant?people=" + String.join(",", ines, theo, lea) + "&from=" + monday
                + "&to=" + monday + "&minutes=60&timeZone=Europe/Paris");
        assertEquals(200, plan.status(), plan.body());
        List<JsonObject> slots = plan.object().getJsonArray("slots").getValuesAs(JsonObject.class);
        assertEquals(monday + "T12:00:00", slots.get(0).getString("start"), slots.toString());
        assertTrue(slots.get(0).getJsonArray("busy").isEmpty());
        assertEquals(List.of("Theo Blanc " + suffix), slots.stream().filter(s -> s.getString("start").endsWith("T13:00:00"))
                .findFirst().orElseThrow().getJsonArray("busy").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList(), "a partial slot names who is busy");
        JsonObject inesRow = plan.object().getJsonArray("rows").getJsonObject(0);
        assertEquals(HOSTILE, inesRow.getJsonArray("blocks").getJsonObject(0).getString("title"));
        assertEquals("ines/work", inesRow.getJsonArray("blocks").getJsonObject(0).getString("origin"));
        assertEquals(400, api().get("scheduling-assistant?people=" + ines + "&minutes=2").status(), "too short a meeting");

        Browser.requireOrSkip();
        try (Browser admin = new Browser(url.toString())) {
            new LoginPage(admin).signInAs("admin@northwind.example", "calsync-demo");
            AssistantPage page = AssistantPage.open(admin).find(List.of(ines, theo, lea), monday, monday, "Europe/Paris");
            String day = monday.format(DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH));
            assertTrue(page.rankedTimes().get(0).contains(day + ", 12:00–13:00: everyone is free"), page.rankedTimes().toString());
            assertTrue(page.busyBlocks().contains(HOSTILE), "the title is shown as text: " + page.busyBlocks());
            assertTrue(page.busyBlocks().contains("Payroll " + suffix), page.busyBlocks().toString());
            String tooltip = page.hover("Dentist");
            assertTrue(tooltip.contains(HOSTILE + ", 09:00–12:00"), tooltip);
            assertTrue(tooltip.contains("Calendar “ines/work”, last synced"), tooltip);
            assertFalse(Boolean.TRUE.equals(((JavascriptExecutor) admin.driver()).executeScript("return window.pwned === 1;")),
                    "the title's script never ran");
            admin.screenshot("console-scheduling-assistant");

            page.clickBestSuggestionOnTimeline();
            assertTrue(page.bookingHeading().contains(day + ", 12:00–13:00"), page.bookingHeading());
            page.book("Planning " + suffix, "Room 4");
            admin.waitForText(org.openqa.selenium.By.id("messages"), "“Planning " + suffix + "” is booked");
        }

        JsonObject booked = api().get("sessions?from=" + monday + "&to=" + monday.plusDays(1)).array().stream()
                .map(v -> v.asJsonObject()).filter(s -> s.getString("courseTitle").equals("Planning " + suffix))
                .findFirst().orElseThrow();
        assertEquals("ACTIVE", booked.getString("state"));
        assertEquals(monday.atTime(LocalTime.NOON) + ":00", booked.getString("start"));
        assertEquals(List.of(ines), booked.getJsonArray("instructors").stream().map(v -> v.asJsonObject().getString("id")).toList());
        assertEquals(2, booked.getJsonArray("learners").size(), "the others attend");
        Eventually.await("the booked session reaches her Radicale calendar", Duration.ofSeconds(30),
                () -> !RADICALE.eventsContaining("ines", calendar, "Planning " + suffix).isEmpty());
    }

    /**
     * Thirty rows overflow the timeline's 640 px into its own scroll: vis-timeline kept such a timeline hidden (a
     * blank panel) when its first full draw came before its window was set. The week must be drawn and shown.
     */
    @Test
    void aWeekForThirtyPeopleIsDrawnAndShown() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        LocalDate monday = LocalDate.now(PARIS).plusWeeks(3).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            people.add(api().createInstructor("row" + i + "-" + suffix + "@northwind.example", "Row " + i + " " + suffix,
                    "Europe/Paris"));
        }
        Browser.requireOrSkip();
        try (Browser admin = new Browser(url.toString())) {
            new LoginPage(admin).signInAs("admin@northwind.example", "calsync-demo");
            AssistantPage page = AssistantPage.open(admin).find(people, monday, monday.plusDays(4), "Europe/Paris");
            assertTrue(page.rankedTimes().get(0).contains("everyone is free"), page.rankedTimes().toString());
            ((JavascriptExecutor) admin.driver()).executeScript(
                    "document.getElementById('planForm:timeline').scrollIntoView();");
            admin.screenshot("console-scheduling-assistant-thirty-people");
        }
    }
}
