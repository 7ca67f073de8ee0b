package org.calsync.domain.model.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.shared.Language;
import org.junit.jupiter.api.Test;

/** A burst through a provider that cannot batch: one write at a time, each with its own outcome. */
class BurstWritesTest {

    private final List<String> written = new ArrayList<>();
    private final ProviderUnavailableException throttled = new ProviderUnavailableException(FailureKind.BUSY,
            "busy", null, null);

    /** Writes everything except "edited" (a conflict) and "throttled" (the server stops answering). */
    private final CalendarProvider oneByOne = new CalendarProvider() {
        @Override
        public ProviderTraits traits() {
            return new ProviderTraits(CalendarProviderType.CALDAV, ProviderTraits.SignIn.PASSWORD, null, null, false,
                    false);
        }

        @Override
        public List<RemoteCalendar> listCalendars(ProviderConnection connection) {
            return List.of();
        }

        @Override
        public ChangeBatch changesSince(ProviderConnection connection, String calendarId, SyncCursor cursor, TimeWindow window) {
            throw new UnsupportedOperationException();
        }

        @Override
        public WriteResult put(ProviderConnection connection, String calendarId, PendingWrite write) {
            OutgoingEvent event = write.event();
            if (event.uid().equals("edited")) {
                throw new VersionConflictException("edited");
            }
            if (event.uid().equals("throttled")) {
                throw throttled;
            }
            written.add(event.uid());
            return new WriteResult("/" + event.uid(), "v1", true);
        }

        @Override
        public void delete(ProviderConnection connection, String calendarId, String remoteId, String expectedVersion) {
        }
    };

    private static PendingWrite write(String uid) {
        return new PendingWrite(new OutgoingEvent(uid, 0, "Session",
                new EventTime(Instant.EPOCH, Instant.EPOCH.plusSeconds(3600), ZoneId.of("UTC")), null, null,
                new EventDetails(null, Staff.alsoTeaching(List.of()), null, Language.ENGLISH)), null);
    }

    @Test
    void aConflictFailsOnlyItsOwnWriteAndAnOutageStopsTheRest() {
        List<WriteOutcome> outcomes = oneByOne.putAll(new ProviderConnection(URI.create("https://dav.example"), "u", "p",
                ZoneId.of("UTC")), "cal", List.of(write("a"), write("edited"), write("b"), write("throttled"), write("c")));
        assertEquals(5, outcomes.size());
        assertEquals("/a", outcomes.get(0).result().remoteId());
        assertTrue(outcomes.get(1).failure() instanceof VersionConflictException);
        assertTrue(outcomes.get(2).succeeded());
        assertSame(throttled, outcomes.get(3).failure());
        assertSame(throttled, outcomes.get(4).failure(), "not sent to a server that just refused");
        assertEquals(List.of("a", "b"), written);
    }
}
