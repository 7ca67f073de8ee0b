package org.calsync.infrastructure.provider.ews;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.CalendarProvider;
import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.PendingWrite;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderTraits;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.RemoteCalendar;
import org.calsync.domain.model.calendar.SyncCursor;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.calendar.VersionConflictException;
import org.calsync.domain.model.calendar.WriteResult;
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

    /** How long a call waits for one of the server's slots before it is retried later instead. */
    private static final Duration SLOT_WAIT = Duration.ofSeconds(30);
    /** Tries of one call when a front end fails for a moment, as the REST adapters try theirs. */
    static final int INLINE_ATTEMPTS = 3;

    /**
     * Calls in flight per Exchange server from this instance. Impersonated mailboxes share the server, and
     * Exchange's budgets (10 concurrent requests per user on 2010, 27 later) are charged to each mailbox, so
     * the default stays well inside them.
     */
    @Inject
    @ConfigProperty(name = "calsync.ews.max-concurrent-requests", defaultValue = "10")
    int maxConcurrentRequests = 10;

    /**
     * The first wait before a call that met a front end's 502, 503 or 504 is tried again inline, doubling each
     * time; such a hiccup should not cost a push the outbox's back-off of several seconds.
     */
    @Inject
    @ConfigProperty(name = "calsync.ews.first-back-off-ms", defaultValue = "1000")
    long firstBackOffMs = 1000;

    /** Told of the waits this kind of calendar imposes; the container connects it to the metrics. */
    ThrottlePauses pauses = ThrottlePauses.NONE;

    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();
    final EwsServicePool pool = new EwsServicePool();

    @Inject
    void reportPausesTo(SyncMetrics metrics) {
        pauses = wait -> metrics.throttled(type(), wait);
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
     * Runs one unit of work on a fresh session, inside one of the server's slots, and turns EWS failures
     * into the port's.
     */
    private <T> T call(ProviderConnection connection, Work<T> work) {
        String server = connection.server().getHost() + ":" + connection.server().getPort();
        Semaphore slot = slots.computeIfAbsent(server, key -> new Semaphore(Math.max(1, maxConcurrentRequests), true));
        try {
            if (!slot.tryAcquire(SLOT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ProviderUnavailableException(FailureKind.BUSY,
                        "All " + maxConcurrentRequests + " connections to Exchange at "
                        + connection.server().getHost() + " are busy.", Duration.ofSeconds(30), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException(FailureKind.OTHER,
                    "Interrupted while waiting for Exchange.", null, e);
        }
        try {
            for (int attempt = 1;; attempt++) {
                try (EwsSession session = pool.lease(connection)) {
                    T result = work.run(session);
                    session.succeeded();
                    return result;
                } catch (VersionConflictException | ProviderUnavailableException e) {
                    throw e;
                } catch (Exception e) {
                    // Every unit of work may run again: writes find CalSync's item by its UID first.
                    if (attempt == INLINE_ATTEMPTS || !EwsFailures.passesSoon(e)) {
                        throw EwsFailures.translate(e, connection.server().getHost());
                    }
                    Duration wait = Duration.ofMillis(Math.max(0, firstBackOffMs) << (attempt - 1));
                    pauses.paused(wait);
                    RetryingJsonClient.pause(wait, "Exchange at " + connection.server().getHost());
                }
            }
        } finally {
            slot.release();
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(EwsSession session) throws Exception;
    }
}
