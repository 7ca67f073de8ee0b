package org.calsync.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.testsupport.FixtureDates;
import org.calsync.testsupport.RadicaleServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hostile corpus under {@code fixtures/hostile}: control characters, half surrogate pairs, a 1 MB title,
 * right-to-left text and emoji, bogus zones, impossible dates, negative durations, loose JSON types and a malformed
 * event among good ones, sent through the API and, as events another client stored, through Radicale. Every input
 * is either refused with a field error or taken; nothing answers a server error, and every good event next to a bad
 * one is synced. The figures are printed for the issue's note.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

    @RegisterExtension
    static final RadicaleServer RADICALE = new RadicaleServer().withUser("hana", "hana-secret");

    private static final Path CORPUS = Path.of("src/test/resources/fixtures/hostile");
    private static final LocalDate DAY = FixtureDates.fromToday().workdayAhead(14);

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
    void everyHostileApiInputIsRefusedWithAFieldErrorOrTakenAndNoneIsAServerError() throws IOException {
        JsonArray cases = Json.createReader(new StringReader(Files.readString(CORPUS.resolve("api-sessions.json")))).readArray();
        int refused = 0;
        int accepted = 0;
        List<String> wrong = new ArrayList<>();
        for (JsonObject hostile : cases.getValuesAs(JsonObject.class)) {
            String body = escaped(hostile.getJsonObject("body").toString().replace("@DAY@", DAY.toString()));
            Api.Reply reply = api().post("sessions", body);
            String expected = hostile.getString("expect");
            boolean fieldError = reply.status() == 400 && !reply.object().getJsonArray("errors").isEmpty();
            if (fieldError) {
                refused++;
            } else if (reply.status() == 201) {
                accepted++;
            }
            if (expected.equals("refused") != fieldError || expected.equals("accepted") != (reply.status() == 201)) {
                wrong.add(hostile.getString("name") + " answered " + reply.status() + " " + reply.body());
            }
        }
        Api.Reply huge = api().post("sessions", """
                {"courseTitle":"%s","start":"%sT09:00","end":"%sT10:00","timeZone":"Europe/London"}"""
                .formatted("x".repeat(1 << 20), DAY, DAY));
        assertEquals(400, huge.status(), "a 1 MB title is refused, not stored");
        assertEquals("courseTitle", huge.object().getJsonArray("errors").getJsonObject(0).getString("field"));
        refused++;
        System.out.printf("Hostile API inputs: %d refused with a field error, %d accepted, %d answered otherwise%n",
                refused, accepted, wrong.size());
        assertEquals(List.of(), wrong, "every input refused cleanly or taken, none a server error");
    }

    /**
     * The JSON with every character outside printable ASCII written as an escape, so that half a surrogate pair
     * or a control character reaches the server exactly as the corpus has it (as raw text it could not be encoded).
     */
    private static String escaped(String json) {
        StringBuilder ascii = new StringBuilder(json.length());
        for (char c : json.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return ascii.toString();
    }

    @Test
    void aCalendarFullOfHostileEventsStillSyncsEveryGoodOne() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String hana = api().createInstructor("hana-" + suffix + "@northwind.example", "Hana Hostile " + suffix, "Europe/London");
        URI calendar = RADICALE.createCalendar("hana", "hostile");
        int stored = 0;
        int refusedByServer = 0;
        List<String> storedFiles = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(CORPUS.resolve("events"))) {
            files = listing.sorted().toList();
        }
        for (Path file : files) {
            String ics = FixtureDates.movedToWeekOf(Files.readString(file), DAY);
            int status = RADICALE.putEvent("hana", calendar.resolve(file.getFileName().toString()), ics).statusCode();
            if (status / 100 == 2) {
                stored++;
                storedFiles.add(file.getFileName().toString());
            } else {
                refusedByServer++;
            }
        }
        String huge = FixtureDates.movedToWeekOf(Files.readString(CORPUS.resolve("events/good-plain.ics")), DAY)
                .replace("good-plain@", "huge-title@").replace("SUMMARY:Good plain meeting", "SUMMARY:Huge " + "y".repeat(1 << 20));
        stored += RADICALE.putEvent("hana", calendar.resolve("huge-title.ics"), huge).statusCode() / 100 == 2 ? 1 : 0;

        Api.Reply linked = api().post("people/" + hana + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"hana","password":"hana-secret"}""".formatted(RADICALE.base()));
        assertEquals(201, linked.status(), linked.body());
        Api.Reply synced = api().post("people/" + hana + "/sync", "");
        assertEquals(200, synced.status(), synced.body());
        JsonObject run = synced.array().getJsonObject(0);
        assertTrue(run.getString("outcome").equals("OK") || run.getString("outcome").equals("PARTIAL"), run.toString());

        List<String> titles = api().get("people/" + hana + "/busy?from=" + DAY.minusDays(7) + "&to=" + DAY.plusDays(14))
                .array().stream().map(b -> b.asJsonObject().getString("title", "")).toList();
        assertTrue(titles.contains("Good plain meeting") && titles.contains("اجتماع 🎓 meeting"), "the good ones: " + titles);
        if (storedFiles.contains("control-characters.ics")) {
            assertTrue(titles.contains("Control[31m chars"), "control characters are left out, the event kept: " + titles);
        }
        assertTrue(titles.stream().anyMatch(t -> t.startsWith("Huge yyy") && t.length() <= 300), "a huge title is cut");
        assertTrue(titles.stream().noneMatch(t -> t.contains("Ends before start") || t.contains("Negative duration")),
                "no busy time from an event that ends before it starts: " + titles);
        int skipped = run.getInt("errors");
        System.out.printf("Hostile events: %d stored by Radicale, %d refused by it; CalSync's pull read %d busy times and"
                + " skipped %d with reasons (%s), outcome %s%n", stored, refusedByServer, titles.size(), skipped,
                run.getString("detail", ""), run.getString("outcome"));
        if (storedFiles.contains("ends-before-start.ics")) {
            assertTrue(skipped >= 1 && run.getString("detail").contains("ends before it starts"), run.toString());
        }
        System.out.println("Stored by Radicale: " + storedFiles + "; busy times read: "
                + titles.stream().map(t -> t.length() > 40 ? t.substring(0, 40) + "…" : t).toList());
    }
}
