package org.calsync.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.testsupport.FixtureDates;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST API as a host platform uses it, against the real WAR on Payara Micro: create, read, update and
 * cancel; assignments and registrations; errors as problem+json; persistence and tenant isolation.
 * Runs once on H2 and once on PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class RestApiIT {

    static final String NORTHWIND_KEY = "csk_demo_northwind_0000000000000001";
    static final String RIVERSIDE_KEY = "csk_demo_riverside_0000000000000001";

    @ArquillianResource
    private URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    private Api northwind() {
        return new Api(url, NORTHWIND_KEY);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aSessionIsCreatedReadUpdatedAndCancelledWithTimesInUtcAndItsOwnZone() {
        Api api = northwind();
        String title = unique("Spreadsheets");
        Api.Reply created = api.post("sessions", """
                {"courseTitle":"%s","start":"2026-10-23T09:30","end":"2026-10-23T12:30","timeZone":"Europe/London",
                 "venue":"Room 1","meetingLink":"https://meet.example.com/x","description":"Bring a laptop"}
                """.formatted(title));
        assertEquals(201, created.status(), created.body());
        JsonObject session = created.object();
        String id = session.getString("id");
        assertEquals("2026-10-23T08:30:00Z", session.getString("startUtc"), "BST is UTC+1");
        assertEquals("2026-10-23T09:30:00", session.getString("start"));
        assertEquals("ACTIVE", session.getString("state"));

        // Moved past the clock change: the wall-clock time stays 09:30, the UTC instant moves.
        Api.Reply moved = api.put("sessions/" + id, """
                {"courseTitle":"%s","start":"2026-10-26T09:30","end":"2026-10-26T12:30","timeZone":"Europe/London",
                 "venue":"Room 2"}
                """.formatted(title));
        assertEquals(200, moved.status(), moved.body());
        JsonObject read = api.get("sessions/" + id).object();
        assertEquals("2026-10-26T09:30:00Z", read.getString("startUtc"));
        assertEquals("Room 2", read.getString("venue"));
        assertFalse(read.containsKey("meetingLink"), "cleared fields are gone: " + read);

        Api.Reply cancelled = api.post("sessions/" + id + "/cancel", "");
        assertEquals("CANCELLED", cancelled.object().getString("state"));
        Api.Reply afterCancel = api.put("sessions/" + id, """
                {"courseTitle":"x","start":"2026-10-26T09:30","end":"2026-10-26T12:30","timeZone":"Europe/London"}""");
        assertEquals(409, afterCancel.status(), afterCancel.body());
        assertEquals(title, api.get("sessions/" + id).object().getString("courseTitle"), "nothing changed");
    }

    @Test
    void instructorsAndLearnersAreAssignedRegisteredAndRemoved() {
        Api api = northwind();
        String id = api.post("sessions", """
                {"courseTitle":"%s","start":"2026-12-01T14:00","end":"2026-12-01T16:00","timeZone":"Europe/Paris"}
                """.formatted(unique("Coaching"))).object().getString("id");
        String instructor = api.personId("tom.becker@northwind.example");
        String learner = api.personId("emma.taylor@northwind.example");

        Api.Reply assigned = api.post("sessions/" + id + "/instructors", "{\"personId\":\"" + instructor + "\"}");
        assertEquals(200, assigned.status(), assigned.body());
        assertEquals("Tom Becker", assigned.object().getJsonArray("instructors").getJsonObject(0).getString("displayName"));

        Api.Reply learnerAsInstructor = api.post("sessions/" + id + "/instructors", "{\"personId\":\"" + learner + "\"}");
        assertEquals(400, learnerAsInstructor.status(), "a learner has no DELIVER_SESSIONS permission");

        assertEquals(200, api.post("sessions/" + id + "/registrations", "{\"personId\":\"" + learner + "\"}").status());
        Api.Reply duplicate = api.post("sessions/" + id + "/registrations", "{\"personId\":\"" + learner + "\"}");
        assertEquals(409, duplicate.status());
        assertEquals("application/problem+json", duplicate.contentType());
        assertEquals("personId", duplicate.object().getJsonArray("errors").getJsonObject(0).getString("field"));

        assertEquals(0, api.delete("sessions/" + id + "/registrations/" + learner).object()
                .getJsonArray("learners").size());
        assertEquals(0, api.delete("sessions/" + id + "/instructors/" + instructor).object()
                .getJsonArray("instructors").size());
    }

    @Test
    void invalidInputGetsOneMessagePerFieldAndStoresNothing() {
        Api api = northwind();
        int before = api.get("sessions?from=2020-01-01&to=2030-01-01").array().size();
        Api.Reply invalid = api.post("sessions", """
                {"courseTitle":" ","start":"2026-05-04T10:00","end":"2026-05-04T09:00","timeZone":"Mars/Olympus",
                 "meetingLink":"javascript:alert(1)"}""");
        assertEquals(400, invalid.status());
        assertEquals("application/problem+json", invalid.contentType());
        List<String> fields = invalid.object().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).toList();
        assertEquals(List.of("courseTitle", "meetingLink", "timeZone"), fields);

        Api.Reply endBeforeStart = api.post("sessions", """
                {"courseTitle":"x","start":"2026-05-04T10:00","end":"2026-05-04T09:00","timeZone":"Europe/London"}""");
        assertEquals("End must be after start.", endBeforeStart.object().getJsonArray("errors").getJsonObject(0)
                .getString("message"));

        Api.Reply badDate = api.post("sessions", """
                {"courseTitle":"x","start":"next tuesday","end":"2026-05-04T09:00","timeZone":"Europe/London"}""");
        assertEquals("start", badDate.object().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(400, api.post("sessions", "{not json").status());
        assertEquals(400, api.get("sessions?from=yesterday").status());
        assertEquals(before, api.get("sessions?from=2020-01-01&to=2030-01-01").array().size(), "nothing stored");
    }

    /** The field a 400 names first, and its message. */
    private static String firstError(Api.Reply reply) {
        assertEquals(400, reply.status(), reply.body());
        JsonObject error = reply.object().getJsonArray("errors").getJsonObject(0);
        return error.getString("field") + ": " + error.getString("message");
    }

    @Test
    void controlCharactersImpossibleTimesAndLooseTypesAreFieldErrorsAndStoreNothing() {
        Api api = northwind();
        int before = api.get("sessions?from=1800-01-01&to=2300-01-01").array().size();
        LocalDate day = FixtureDates.fromToday().workdayAhead(7);
        String start = FixtureDates.api(day.atTime(9, 0));
        String end = FixtureDates.api(day.atTime(10, 0));
        String session = """
                {"courseTitle":%s,"start":"%s","end":"%s","timeZone":"Europe/London"}""";

        assertEquals("courseTitle: Course title contains a control character (U+0000): only tabs and line breaks are allowed.",
                firstError(api.post("sessions", session.formatted("\"Budget\\u0000Basics\"", start, end))));
        assertEquals("courseTitle: Course title contains a control character (U+001B): only tabs and line breaks are allowed.",
                firstError(api.post("sessions", session.formatted("\"\\u001B[31mRed\"", start, end))));
        assertEquals("start: Use a year from 1900 to 2200.",
                firstError(api.post("sessions", session.formatted("\"Far\"", "+999999999-12-31T10:00", end))));
        assertEquals("start: Use a year from 1900 to 2200.",
                firstError(api.post("sessions", session.formatted("\"Early\"", "0000-01-01T00:00", end))));
        LocalDateTime skipped = FixtureDates.fromToday().inTheNextClockGap(ZoneId.of("Europe/Paris"));
        Api.Reply gap = api.post("sessions", """
                {"courseTitle":"Gap","start":"%s","end":"%s","timeZone":"Europe/Paris"}"""
                .formatted(FixtureDates.api(skipped), FixtureDates.api(skipped.plusHours(2))));
        assertTrue(firstError(gap).startsWith("start: " + skipped.toLocalDate() + " " + skipped.toLocalTime()
                + " does not exist in Europe/Paris: the clocks go forward from"), gap.body());

        assertEquals("courseTitle: courseTitle must be a JSON string.",
                firstError(api.post("sessions", session.formatted("123", start, end))));
        assertEquals("courseTitle: courseTitle must be a JSON string.",
                firstError(api.post("sessions", session.formatted("[\"a\"]", start, end))));
        Api.Reply cancelled = api.post("sessions", """
                {"courseTitle":"Born cancelled","start":"%s","end":"%s","timeZone":"Europe/London","state":"CANCELLED"}"""
                .formatted(start, end));
        assertTrue(firstError(cancelled).startsWith("state: "), cancelled.body());
        assertEquals(before, api.get("sessions?from=1800-01-01&to=2300-01-01").array().size(), "nothing stored");

        String id = api.post("sessions", session.formatted("\"" + unique("Tabs\\tand\\nlines") + "\"", start, end))
                .object().getString("id");
        Api.Reply stateOnUpdate = api.put("sessions/" + id, """
                {"courseTitle":"x","start":"%s","end":"%s","timeZone":"Europe/London","state":"CANCELLED"}"""
                .formatted(start, end));
        assertTrue(firstError(stateOnUpdate).startsWith("state: The state changes by activating or cancelling"),
                stateOnUpdate.body());
        assertEquals("ACTIVE", api.get("sessions/" + id).object().getString("state"));
    }

    @Test
    void peopleAreCreatedWithRolesAndDuplicateEmailsAreRefused() {
        Api api = northwind();
        String email = unique("lea") + "@northwind.example";
        Api.Reply created = api.post("people", """
                {"email":"%s","displayName":"Léa Dubois","timeZone":"Europe/Paris","workStart":"08:30",
                 "workEnd":"16:30","workDays":["MONDAY","TUESDAY"],"roles":["Instructor"]}""".formatted(email));
        assertEquals(201, created.status(), created.body());
        JsonObject person = created.object();
        assertEquals(List.of("Instructor"), person.getJsonArray("roles").getValuesAs(JsonString::getString));
        assertEquals("08:30:00", person.getString("workStart"));

        Api.Reply duplicate = api.post("people", """
                {"email":"%s","displayName":"Someone","timeZone":"UTC"}""".formatted(email.toUpperCase()));
        assertEquals(409, duplicate.status(), "emails compare case-insensitively");
        Api.Reply unknownRole = api.post("people", """
                {"email":"%s","displayName":"X","timeZone":"UTC","roles":["Wizard"]}""".formatted(unique("x") + "@a.example"));
        assertEquals("roles", unknownRole.object().getJsonArray("errors").getJsonObject(0).getString("field"));
        Api.Reply numberForAName = api.post("people", """
                {"email":"%s","displayName":42,"timeZone":"UTC","roles":"Instructor"}""".formatted(unique("z") + "@a.example"));
        assertEquals(400, numberForAName.status(), numberForAName.body());
        assertEquals(List.of("displayName", "roles"), numberForAName.object().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).toList(), "wrong JSON types are field errors, not text");
        Api.Reply shortPassword = api.post("people", """
                {"email":"%s","displayName":"X","timeZone":"UTC","password":"short"}""".formatted(unique("y") + "@a.example"));
        assertEquals("password", shortPassword.object().getJsonArray("errors").getJsonObject(0).getString("field"));

        Api.Reply renamed = api.put("people/" + person.getString("id"), """
                {"email":"%s","displayName":"Léa Dubois-Martin","timeZone":"Europe/Paris"}""".formatted(email));
        assertEquals("Léa Dubois-Martin", renamed.object().getString("displayName"));
        assertEquals(List.of("Instructor"), renamed.object().getJsonArray("roles").getValuesAs(JsonString::getString),
                "roles omitted on update are kept");
    }

    @Test
    void oneTenantCanNeitherSeeNorChangeAnother() {
        Api northwind = northwind();
        Api riverside = new Api(url, RIVERSIDE_KEY);
        String northwindSession = northwind.post("sessions", """
                {"courseTitle":"%s","start":"2026-12-02T09:00","end":"2026-12-02T10:00","timeZone":"Europe/London"}
                """.formatted(unique("Private"))).object().getString("id");
        String northwindLearner = northwind.personId("noah.williams@northwind.example");
        String riversideSession = riverside.get("sessions").array().getJsonObject(0).getString("id");

        assertEquals(404, riverside.get("sessions/" + northwindSession).status());
        assertEquals(404, riverside.post("sessions/" + northwindSession + "/cancel", "").status());
        assertEquals(404, riverside.get("people/" + northwindLearner).status());
        assertTrue(riverside.get("sessions?from=2020-01-01&to=2030-01-01").array().stream()
                .noneMatch(s -> s.asJsonObject().getString("id").equals(northwindSession)));
        assertTrue(riverside.get("people").array().stream()
                .allMatch(p -> p.asJsonObject().getString("email").endsWith("@riverside.example")));

        Api.Reply foreignLearner = riverside.post("sessions/" + riversideSession + "/registrations",
                "{\"personId\":\"" + northwindLearner + "\"}");
        assertEquals(400, foreignLearner.status(), "registering a person of another tenant");
        assertEquals("No such person in this organisation.",
                foreignLearner.object().getJsonArray("errors").getJsonObject(0).getString("message"));
        assertEquals("ACTIVE", northwind.get("sessions/" + northwindSession).object().getString("state"));
        assertEquals(404, riverside.get("people/" + northwindLearner + "/busy").status(),
                "another tenant's person is not found, not an empty list");
        assertEquals(404, riverside.post("sync-jobs?personId=" + northwindLearner, "").status(),
                "no empty job is started for another tenant's person");
    }

    @Test
    void callsWithoutAValidKeyAreRefused() {
        Api.Reply none = new Api(url, null).get("sessions");
        assertEquals(401, none.status());
        assertEquals("application/problem+json", none.contentType());
        assertEquals(401, new Api(url, "csk_not_a_real_key_000000000000").get("people").status());
    }

    @Test
    void healthAndOpenApiAreServed() {
        Api.Reply ready = new Api(url, null).get("../../health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertEquals("UP", ready.object().getJsonArray("checks").getJsonObject(0).getString("status"));
        String database = ready.object().getJsonArray("checks").getJsonObject(0).getJsonObject("data").getString("product");
        assertEquals(CalSyncDeployment.onPostgres() ? "PostgreSQL" : "H2", database);
        Api.Reply openapi = new Api(url, null).get("../../openapi");
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/v1/sessions/{id}/registrations"), openapi.body());
    }

    @Test
    void postgresHoldsTheMigratedSchemaAndUtcInstants() throws Exception {
        Assumptions.assumeTrue(CalSyncDeployment.onPostgres(), "runs in the PostgreSQL pass only");
        String id = northwind().post("sessions", """
                {"courseTitle":"%s","start":"2026-07-01T09:00","end":"2026-07-01T10:00","timeZone":"America/New_York"}
                """.formatted(unique("Stored"))).object().getString("id");
        try (Connection db = CalSyncDeployment.postgres()) {
            try (ResultSet history = db.createStatement().executeQuery(
                    "SELECT count(*) FROM flyway_schema_history WHERE success")) {
                history.next();
                assertTrue(history.getInt(1) >= 1, "Flyway applied the migrations");
            }
            try (PreparedStatement query = db.prepareStatement(
                    "SELECT starts_at, time_zone FROM training_session WHERE id = ?")) {
                query.setString(1, id);
                try (ResultSet row = query.executeQuery()) {
                    assertTrue(row.next());
                    assertEquals(Instant.parse("2026-07-01T13:00:00Z"), row.getTimestamp(1).toInstant());
                    assertEquals("America/New_York", row.getString(2));
                }
            }
        }
    }
}
