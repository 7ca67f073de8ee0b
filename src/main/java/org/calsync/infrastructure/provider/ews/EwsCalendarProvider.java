package org.calsync.infrastructure.provider.ews;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.CalendarProvider;
import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.PendingWrite;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderTraits;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.RemoteCalendar;
import org.calsync.domain.model.calendar.SyncCursor;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.calendar.VersionConflictException;
import org.calsync.domain.model.calendar.WriteResult;
import org.calsync.domain.model.sync.ServerPauses;
import org.calsync.domain.model.sync.SyncMetrics;
import org.calsync.infrastructure.provider.rest.RetryingJsonClient;
import org.calsync.infrastructure.provider.rest.ThrottlePauses;

/**
 * On-premise Exchange over EWS. The calendar is the mailbox's Calendar folder. Our appointments carry our
 * UID in an extended property, so a retry finds and updates them (EwsAppointmentWriter); reads follow the
 * folder's SyncState and read the window in calendar views (EwsCalendarReader). Each operation runs on a
 * signed-in session leased from the pool, inside one of the server's slots.
 */
@ApplicationScoped
public class EwsCalendarProvider implements CalendarProvider {

    /** Tries of one call when a front end fails for a moment, as the REST adapters try theirs. */
    static final int INLINE_ATTEMPTS = 3;

    /**
     * The first wait before a call that met a front end's 502, 503 or 504 is tried again inline, doubling each
     * time; such a hiccup should not cost a push the outbox's back-off of several seconds.
     */
    @Inject
    @ConfigProperty(name = "calsync.ews.first-back-off-ms", defaultValue = "1000")
    long firstBackOffMs = 1000;

    /** Told of the waits this kind of calendar imposes; the container connects it to the metrics. */
    ThrottlePauses pauses = ThrottlePauses.NONE;

    /** The server's budget, shared with every other call to it in the cluster. */
    EwsThrottle throttle = new EwsThrottle();
    final EwsServicePool pool = new EwsServicePool();

    @Inject
    void reportPausesTo(SyncMetrics metrics) {
        pauses = wait -> metrics.throttled(type(), wait);
    }

    @Inject
    void shareBudget(EwsThrottle budget) {
        this.throttle = budget;
    }

    @Override
    public ProviderTraits traits() {
        return ExchangeKind.TRAITS;
    }

    @Override
    public List<RemoteCalendar> listCalendars(ProviderConnection connection) {
        return call(connection, session -> {
            Folder calendar = Folder.bind(session.service, WellKnownFolderName.Calendar);
            return List.of(new RemoteCalendar(calendar.getId().getUniqueId(), calendar.getDisplayName(), true, true));
        });
    }

    @Override
    public WriteResult put(ProviderConnection connection, String calendarId, PendingWrite write) {
        return call(connection, session -> new EwsAppointmentWriter(session).put(calendarId, write));
    }

    @Override
    public void delete(ProviderConnection connection, String calendarId, String remoteId, String expectedVersion) {
        call(connection, session -> {
            new EwsAppointmentWriter(session).delete(remoteId, expectedVersion);
            return null;
        });
    }

    @Override
    public ChangeBatch changesSince(ProviderConnection connection, String calendarId, SyncCursor cursor,
            TimeWindow window) {
        return call(connection, session -> new EwsCalendarReader(session).changesSince(calendarId, cursor, window));
    }

    @Override
    public Map<String, List<BusyInterval>> freeBusy(ProviderConnection connection, List<String> emails,
            TimeWindow window) {
        return call(connection, session -> new EwsAvailability(session).freeBusy(emails, window));
    }

    /**
     * Runs one unit of work within the server's budget: after any pause Exchange asked for, in one of the
     * cluster's slots for the server. A short ErrorServerBusy back-off is waited out and the work run again (every
     * unit may run again: writes find CalSync's item by its UID first); a long one pauses the server for everyone and
     * is passed on, as is a front end that keeps failing.
     */
    private <T> T call(ProviderConnection connection, Work<T> work) {
        String server = ServerPauses.serverOf(connection.server());
        for (int attempt = 1;; attempt++) {
            try (EwsThrottle.Slot slot = throttle.enter(server); EwsSession session = pool.lease(connection)) {
                T result = work.run(session);
                session.succeeded();
                return result;
            } catch (VersionConflictException | ProviderUnavailableException e) {
                throw e;
            } catch (Exception e) {
                RuntimeException failure = EwsFailures.translate(e, connection.server().getHost());
                Duration backOff = throttle.pausedBy(server, e);
                if (backOff != null) {
                    if (attempt < INLINE_ATTEMPTS && throttle.waitsOut(backOff)) {
                        continue; // the next attempt waits out the pause first
                    }
                    throw failure;
                }
                if (attempt == INLINE_ATTEMPTS || !EwsFailures.passesSoon(e)) {
                    throw failure;
                }
                Duration wait = Duration.ofMillis(Math.max(0, firstBackOffMs) << (attempt - 1));
                pauses.paused(wait);
                RetryingJsonClient.pause(wait, "Exchange at " + connection.server().getHost());
            }
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(EwsSession session) throws Exception;
    }
}
