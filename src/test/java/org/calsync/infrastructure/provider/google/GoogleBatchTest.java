package org.calsync.infrastructure.provider.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.EventDetails;
import org.calsync.domain.model.calendar.EventTime;
import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.calendar.PendingWrite;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.Staff;
import org.calsync.domain.model.calendar.VersionConflictException;
import org.calsync.domain.model.calendar.WriteOutcome;
import org.calsync.domain.shared.Language;
import org.calsync.testsupport.google.GoogleBatchEndpoint;
import org.calsync.testsupport.google.GoogleCalendarSimulator.Fault;
import org.calsync.testsupport.google.GoogleCalendarSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bursts of writes through Google's batch endpoint, against the simulator's multipart endpoint. */
class GoogleBatchTest {

    private static final String PRIMARY = "ines.moreau@gmail.example";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final GoogleCalendarProvider google = new GoogleCalendarProvider(1);
    private GoogleCalendarSimulator simulator;
    private ProviderConnection connection;

    @BeforeEach
    void start() throws Exception {
        simulator = new GoogleCalendarSimulator().withCalendar(PRIMARY, PRIMARY, "owner");
        simulator.start();
        connection = new ProviderConnection(URI.create(simulator.baseUrl()), PRIMARY, "access-token-1", PARIS);
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    private static List<PendingWrite> burst(int size, String prefix) {
        List<PendingWrite> writes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Instant start = Instant.parse("2027-01-04T08:00:00Z").plus(i, ChronoUnit.DAYS);
            writes.add(new PendingWrite(new OutgoingEvent(prefix + i + "@calsync", 0, "Excel for managers " + i,
                    new EventTime(start, start.plus(2, ChronoUnit.HOURS), PARIS), "Room 2", null,
                    new EventDetails(null, Staff.alsoTeaching(List.of()), null, Language.ENGLISH)), null));
        }
        return writes;
    }

    @Test
    void aBurstGoesFiftyCallsABatchAndARetryAfterACrashReplacesInsteadOfDuplicating() {
        List<WriteOutcome> created = google.putAll(connection, PRIMARY, burst(120, "burst-"));
        assertTrue(created.stream().allMatch(o -> o.succeeded() && o.result().created()), created.toString());
        assertEquals(120, simulator.calendar(PRIMARY).events().size());
        assertEquals(List.of(50, 50, 20), simulator.batch().received().stream().map(List::size).toList());
        assertEquals(3, simulator.requests().size(), "one HTTP request per batch: " + simulator.requests());
        assertTrue(simulator.batch().received().get(0).stream().allMatch(c -> c.method().equals("POST")
                && c.target().equals("/calendar/v3/calendars/" + PRIMARY.replace("@", "%40") + "/events")),
                simulator.batch().received().get(0).toString());

        // The same burst again, as after a crash before the answers were recorded: Google has those ids already
        // (409), so a second batch replaces them.
        simulator.batch().clear();
        List<WriteOutcome> again = google.putAll(connection, PRIMARY, burst(3, "burst-"));
        assertTrue(again.stream().allMatch(o -> o.succeeded() && !o.result().created()), again.toString());
        assertEquals(List.of(List.of("POST", "POST", "POST"), List.of("PUT", "PUT", "PUT")), simulator.batch().received()
                .stream().map(calls -> calls.stream().map(GoogleBatchEndpoint.Call::method).toList()).toList());
        assertEquals(120, simulator.calendar(PRIMARY).events().size(), "no duplicate");
        assertEquals(created.get(1).result().remoteId(), again.get(1).result().remoteId());
    }

    @Test
    void anUpdateOverAnEditInGoogleFailsAloneAndTheOthersAreWritten() {
        List<WriteOutcome> created = google.putAll(connection, PRIMARY, burst(3, "edit-"));
        List<PendingWrite> updates = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PendingWrite write = burst(3, "edit-").get(i);
            updates.add(new PendingWrite(write.event(), i == 1 ? "\"3000000000\"" : created.get(i).result().version()));
        }
        simulator.batch().clear();

        List<WriteOutcome> updated = google.putAll(connection, PRIMARY, updates);

        assertTrue(updated.get(0).succeeded() && updated.get(2).succeeded(), updated.toString());
        assertInstanceOf(VersionConflictException.class, updated.get(1).failure());
        assertTrue(simulator.batch().received().get(0).stream().allMatch(c -> c.method().equals("PUT")));
        assertFalse(updated.get(0).result().version().equals(created.get(0).result().version()), "a new etag");
    }

    @Test
    void callsThrottledOnTheirOwnAreSentAgainTogetherAndALongerThrottleIsReportedWithItsDelay() {
        simulator.batch().failNextCalls(new Fault(429, "1", ""), new Fault(403, null,
                "{\"error\":{\"errors\":[{\"reason\":\"rateLimitExceeded\"}],\"code\":403,\"message\":\"Rate Limit Exceeded\"}}"));
        List<WriteOutcome> written = google.putAll(connection, PRIMARY, burst(5, "throttled-"));
        assertTrue(written.stream().allMatch(WriteOutcome::succeeded), written.toString());
        assertEquals(List.of(5, 2), simulator.batch().received().stream().map(List::size).toList(),
                "only the two throttled calls go again");
        assertEquals(5, simulator.calendar(PRIMARY).events().size());

        simulator.batch().clear();
        simulator.batch().failNextCalls(new Fault(429, "120", ""));
        List<WriteOutcome> waiting = google.putAll(connection, PRIMARY, burst(2, "later-"));
        ProviderUnavailableException busy = assertInstanceOf(ProviderUnavailableException.class, waiting.get(0).failure());
        assertEquals(120, busy.retryAfter().toSeconds(), "left alone as long as Google asked");
        assertTrue(waiting.get(1).succeeded());
        assertEquals(1, simulator.batch().received().size(), "a two-minute wait is not slept through");
    }

    @Test
    void aRefusedTokenOrABrokenBatchAnswerFailsTheWholeBurst() {
        simulator.failNext(new Fault(503, null, ""), new Fault(503, null, ""), new Fault(503, null, ""),
                new Fault(503, null, ""));
        assertThrows(ProviderUnavailableException.class, () -> google.putAll(connection, PRIMARY, burst(2, "outage-")));
        assertEquals(0, simulator.calendar(PRIMARY).events().size());

        simulator.refuseTokensSeenSoFar();
        assertThrows(AuthorisationLostException.class, () -> google.putAll(connection, PRIMARY, burst(2, "refused-")));
    }
}
