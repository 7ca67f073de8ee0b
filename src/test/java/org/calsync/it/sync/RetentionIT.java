package org.calsync.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.testsupport.Eventually;
import org.calsync.testsupport.FixtureDates;
import org.calsync.testsupport.RadicaleServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How long pulled data is kept: the settings take a retention for busy times and for the sync log, within sane
 * bounds; a purge removes what is older and says how much went, and never what CalSync needs to update or delete
 * its own events. The purge's deletions are checked on PostgreSQL, where the test can age rows in the database.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

    @RegisterExtension
    static final RadicaleServer RADICALE = new RadicaleServer().withUser("rita", "rita-secret");

    @ArquillianResource
    private URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    private Api api() {
        return new Api(url, "csk_demo_northwind_0000000000000001");
    }

    @AfterEach
    void defaultsBack() {
        assertEquals(200, api().put("settings", "{\"busyRetentionDays\":30,\"logRetentionDays\":90}").status());
    }

    @Test
    void theRetentionIsSetWithinBoundsAndAPurgeSaysWhatItRemoved() {
        Api.Reply tooShort = api().put("settings", "{\"busyRetentionDays\":0,\"logRetentionDays\":3}");
        assertEquals(400, tooShort.status(), tooShort.body());
        assertEquals("busyRetentionDays", tooShort.object().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("logRetentionDays", tooShort.object().getJsonArray("errors").getJsonObject(1).getString("field"),
                "the log keeps at least the week the dashboard charts: " + tooShort.body());

        Api.Reply set = api().put("settings", "{\"busyRetentionDays\":2,\"logRetentionDays\":14}");
        assertEquals(200, set.status(), set.body());
        assertEquals(2, api().get("settings").object().getInt("busyRetentionDays"));
        assertEquals(14, api().get("settings").object().getInt("logRetentionDays"));

        Instant asked = Instant.now();
        JsonObject purged = api().post("settings/retention/purge", "").object();
        Duration busyAge = Duration.between(Instant.parse(purged.getString("busyTimesEndedBefore")), asked);
        Duration logAge = Duration.between(Instant.parse(purged.getString("syncLogBefore")), asked);
        assertTrue(Math.abs(busyAge.minusDays(2).toSeconds()) < 60, "busy times ended two days ago go: " + purged);
        assertTrue(Math.abs(logAge.minusDays(14).toSeconds()) < 60, "log entries from two weeks ago go: " + purged);
    }

    @Test
    void aPurgeRemovesOldBusyTimesAndLogEntriesAndKeepsCalSyncsOwnEvents() throws Exception {
        Assumptions.assumeTrue(CalSyncDeployment.onPostgres(), "runs in the PostgreSQL pass, where rows can be aged");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String rita = api().createInstructor("rita-" + suffix + "@northwind.example", "Rita Retain " + suffix, "Europe/London");
        var calendar = RADICALE.createCalendar("rita", "work-" + suffix);
        JsonObject account = api().post("people/" + rita + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"rita","password":"rita-secret"}""".formatted(RADICALE.base()))
                .object();
        String title = "Kept " + suffix;
        var day = FixtureDates.fromToday().workdayAhead(7);
        String session = api().post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London"}"""
                .formatted(title, FixtureDates.api(day.atTime(9, 0)), FixtureDates.api(day.atTime(10, 0)))).object().getString("id");
        api().post("sessions/" + session + "/instructors", "{\"personId\":\"" + rita + "\"}");
        Eventually.await("pushed", Duration.ofSeconds(20), () -> RADICALE.eventsContaining("rita", calendar, title).size() == 1);
        api().post("people/" + rita + "/sync", "");
        String accountId = account.getString("id");
        String calendarId = account.getJsonArray("calendars").getJsonObject(0).getString("id");

        try (Connection db = database()) {
            String tenant = scalar(db, "SELECT tenant_id FROM calendar_account WHERE id = ?", accountId);
            Instant old = Instant.now().minus(Duration.ofDays(40));
            try (PreparedStatement busy = db.prepareStatement("INSERT INTO busy_block (id, tenant_id, calendar_id,"
                    + " remote_id, starts_at, ends_at, all_day, title, private_event) VALUES (?, ?, ?, 'old.ics', ?, ?, false,"
                    + " 'Old', false)")) {
                busy.setString(1, UUID.randomUUID().toString());
                busy.setString(2, tenant);
                busy.setString(3, calendarId);
                busy.setObject(4, old.atOffset(ZoneOffset.UTC));
                busy.setObject(5, old.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC));
                assertEquals(1, busy.executeUpdate());
            }
            try (PreparedStatement run = db.prepareStatement("INSERT INTO sync_run (id, tenant_id, account_id,"
                    + " calendar_id, started_at, finished_at, changes_in, changes_out, errors, requests, outcome, message)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, 1, 'OK', 'Long ago')")) {
                run.setString(1, UUID.randomUUID().toString());
                run.setString(2, tenant);
                run.setString(3, accountId);
                run.setString(4, calendarId);
                run.setObject(5, old.minus(Duration.ofDays(60)).atOffset(ZoneOffset.UTC));
                run.setObject(6, old.minus(Duration.ofDays(60)).atOffset(ZoneOffset.UTC));
                assertEquals(1, run.executeUpdate());
            }
            String linksBefore = scalar(db, "SELECT count(*) FROM event_link WHERE calendar_id = ?", calendarId);

            JsonObject purged = api().post("settings/retention/purge", "").object();
            assertTrue(purged.getInt("busyTimes") >= 1 && purged.getInt("syncLogEntries") >= 1, purged.toString());
            assertEquals("0", scalar(db, "SELECT count(*) FROM busy_block WHERE remote_id = 'old.ics' AND calendar_id = ?",
                    calendarId));
            assertEquals("0", scalar(db, "SELECT count(*) FROM sync_run WHERE message = 'Long ago' AND account_id = ?",
                    accountId));
            assertEquals(linksBefore, scalar(db, "SELECT count(*) FROM event_link WHERE calendar_id = ?", calendarId),
                    "CalSync's own events are kept");
            assertTrue(!api().get("calendar-accounts/" + accountId + "/sync-runs").array().isEmpty(), "recent runs stay");
        }
        // CalSync can still update its own event after the purge.
        api().put("sessions/" + session, """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London","venue":"Room 5"}"""
                .formatted(title, FixtureDates.api(day.atTime(9, 0)), FixtureDates.api(day.atTime(10, 0))));
        Eventually.await("updated after the purge", Duration.ofSeconds(20), () -> RADICALE
                .eventsContaining("rita", calendar, title).stream().anyMatch(e -> e.contains("LOCATION:Room 5")));
    }

    private static Connection database() throws Exception {
        return CalSyncDeployment.postgres();
    }

    private static String scalar(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
