package org.calsync.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.ExternalCalendar;
import org.calsync.domain.model.calendar.RemoteCalendar;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonDetails;
import org.calsync.domain.model.sync.AdminAlert;
import org.calsync.domain.model.sync.SyncNote;
import org.calsync.domain.model.sync.SyncRun;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.PrivacyMode;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.shared.Language;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * orm.xml over the schema the migrations build, with EclipseLink as Payara runs it, but without a server: what a
 * sync notes comes back as it was stored, and what was stored as sentences before notes had kinds is kept.
 */
class SyncNoteMappingTest {

    @Test
    void notesOfRunsAlertsAndHoldsComeBackAsStored() {
        DataSource database = database(null);
        EntityManagerFactory jpa = jpa(database);
        try {
            Tenant tenant = new Tenant("Mapping Training");
            Person pat = new Person(tenant.id(), new PersonDetails("pat@mapping.example", "Pat", "UTC", null));
            CalendarAccount account = new CalendarAccount(tenant.id(), pat.id(), CalendarProviderType.CALDAV,
                    URI.create("https://dav.example.org/"), "pat", "cipher", PrivacyMode.DEFAULT,
                    List.of(new RemoteCalendar("/pat/work/", "Work", true, true)));
            ExternalCalendar calendar = account.calendars().get(0);
            SyncNote hold = SyncNote.heldRemoving(7, 9);
            calendar.hold(hold);
            List<SyncNote> notes = List.of(SyncNote.sessionMoved("Tom", "Excel", LocalDateTime.of(2027, 3, 2, 14, 30)),
                    SyncNote.by(SyncNote.Kind.LEARNER_UNREGISTERED, "Léo", "Excel"),
                    SyncNote.skipped(1, "bad.ics (ends before it starts)"));
            SyncRun run = SyncRun.finished(tenant.id(), account.id(), calendar.id(), Instant.now(),
                    new SyncRun.Counts(2, 0, 1, 3), SyncRun.Outcome.PARTIAL, notes);
            AdminAlert alert = AdminAlert.calendarHeld(tenant.id(), calendar, hold.asAlert("Pat", "Work"));
            // The domain refers to other aggregates by id, so EclipseLink cannot order the inserts: one at a time.
            List.of(tenant, pat, account, run, alert).forEach(entity -> inTransaction(jpa, em -> em.persist(entity)));

            EntityManager em = jpa.createEntityManager();
            assertEquals(notes, em.find(SyncRun.class, run.id()).notes(), "in their order");
            assertEquals(hold, em.find(CalendarAccount.class, account.id()).calendars().get(0).hold().orElseThrow());
            assertEquals(hold.asAlert("Pat", "Work"), em.find(AdminAlert.class, alert.id()).note());
            em.close();

            // Retention deletes runs in bulk; their notes go with them.
            inTransaction(jpa, delete -> delete.createNamedQuery("SyncRun.removeFinishedBefore")
                    .setParameter("tenant", tenant.id().value()).setParameter("before", Instant.now().plusSeconds(60))
                    .executeUpdate());
            assertEquals(0L, count(database, "SELECT COUNT(*) FROM sync_run_note"));
        } finally {
            jpa.close();
        }
    }

    @Test
    void sentencesStoredBeforeNotesHadKindsAreKeptAsWritten() throws SQLException {
        DataSource database = database("14");
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO tenant (id, name, integration_enabled, sync_direction, default_privacy_mode,"
                    + " pull_window_months, omit_learner_details, cancellation_deadline_hours, created_at, version)"
                    + " VALUES ('t', 'Old Training', TRUE, 'TWO_WAY', 'DEFAULT', 12, FALSE, 24, CURRENT_TIMESTAMP, 1)");
            sql.execute("INSERT INTO person (id, tenant_id, email, display_name, time_zone, work_start, work_end,"
                    + " created_at, version) VALUES ('p', 't', 'pat@old.example', 'Pat', 'UTC', TIME '09:00:00',"
                    + " TIME '17:00:00', CURRENT_TIMESTAMP, 1)");
            sql.execute("INSERT INTO calendar_account (id, tenant_id, person_id, provider, server_url, username,"
                    + " secret_cipher, status, privacy_mode, created_at, version) VALUES ('a', 't', 'p', 'CALDAV',"
                    + " 'https://dav.example.org/', 'pat', 'cipher', 'CONNECTED', 'DEFAULT', CURRENT_TIMESTAMP, 1)");
            sql.execute("INSERT INTO external_calendar (id, account_id, remote_id, display_name, writable, push_target,"
                    + " conflict_check, hold_reason) VALUES ('c', 'a', '/pat/work/', 'Work', TRUE, TRUE, TRUE,"
                    + " 'Held back: this sync would remove 7 of 9 events at once.')");
            sql.execute("INSERT INTO sync_run (id, tenant_id, account_id, calendar_id, started_at, finished_at,"
                    + " changes_in, changes_out, errors, requests, outcome, message) VALUES"
                    + " ('ok', 't', 'a', 'c', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, 0, 0, 1, 'OK',"
                    + " 'An event was moved by Tom: \"Excel\" now starts 2027-03-02T14:30.'),"
                    + " ('failed', 't', 'a', 'c', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, 0, 1, 0, 'FAILED', 'HTTP 503')");
            sql.execute("INSERT INTO admin_alert (id, tenant_id, kind, person_id, account_id, calendar_id, message,"
                    + " created_at) VALUES ('al', 't', 'CALENDAR_HELD', 'p', 'a', 'c', 'Pat''s calendar \"Work\" is held.',"
                    + " CURRENT_TIMESTAMP)");
        }
        migrate(database, null);
        EntityManagerFactory jpa = jpa(database);
        try {
            EntityManager em = jpa.createEntityManager();
            SyncRun moved = em.find(SyncRun.class, "ok");
            assertEquals("An event was moved by Tom: \"Excel\" now starts 2027-03-02T14:30.", moved.summary(Language.FRENCH));
            assertNull(moved.failure());
            SyncRun failed = em.find(SyncRun.class, "failed");
            assertEquals("HTTP 503", failed.failure(), "a failure keeps the server's words");
            assertEquals("", failed.summary(Language.ENGLISH));
            assertEquals("Pat's calendar \"Work\" is held.", em.find(AdminAlert.class, "al").note().text(Language.FRENCH));
            assertEquals("Held back: this sync would remove 7 of 9 events at once.",
                    em.find(CalendarAccount.class, "a").calendars().get(0).hold().orElseThrow().text(Language.ENGLISH));
            em.close();
        } finally {
            jpa.close();
        }
    }

    private static DataSource database(String upTo) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:notes-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        migrate(h2, upTo);
        return h2;
    }

    private static void migrate(DataSource database, String upTo) {
        var config = Flyway.configure().dataSource(database).locations("classpath:db/migration");
        (upTo == null ? config : config.target(upTo)).load().migrate();
    }

    /** The application's own persistence unit, on this data source instead of Payara's JTA one. */
    private static EntityManagerFactory jpa(DataSource database) {
        return Persistence.createEntityManagerFactory("calsync", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.nonJtaDataSource", database));
    }

    private static void inTransaction(EntityManagerFactory jpa, Consumer<EntityManager> work) {
        EntityManager em = jpa.createEntityManager();
        em.getTransaction().begin();
        work.accept(em);
        em.getTransaction().commit();
        em.close();
    }

    private static long count(DataSource database, String query) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                var result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
