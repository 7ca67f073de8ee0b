package org.calsync.bench;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;

import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.calendar.PendingWrite;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.SyncCursor;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.calendar.WriteOutcome;
import org.calsync.infrastructure.provider.google.GoogleCalendarProvider;
import org.calsync.testsupport.google.GoogleCalendarSimulator;

/**
 * Google Calendar figures against the Calendar API simulator with a latency per request: N pushes one by one
 * and through the batch endpoint, counting requests and time; then calendars read in full and re-read
 * unchanged. Run with bench/google.sh.
 */
public final class GoogleBenchmark {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant FROM = Instant.parse("2027-01-04T00:00:00Z");

    private GoogleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long latencyMillis = args.length > 1 ? Long.parseLong(args[1]) : 20;
        int calendars = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        GoogleCalendarSimulator google = new GoogleCalendarSimulator().withCalendar("single", "Single", "owner")
                .withCalendar("batched", "Batched", "owner");
        for (int c = 0; c < calendars; c++) {
            google.withCalendar("read-" + c, "Read " + c, "owner");
        }
        google.start();
        try {
            GoogleCalendarProvider adapter = new GoogleCalendarProvider();
            ProviderConnection connection = new ProviderConnection(URI.create(google.baseUrl()), "bench", "bench-token",
                    PARIS);
            google.withLatency(Duration.ofMillis(latencyMillis));
            System.out.printf("Google push, %d changes, %d ms per request%n", changes, latencyMillis);

            google.clearRequests();
            long started = System.nanoTime();
            for (int i = 0; i < changes; i++) {
                adapter.put(connection, "single", event("single", i), null);
            }
            report("one by one", changes, google.requests().size(), System.nanoTime() - started);

            google.clearRequests();
            started = System.nanoTime();
            List<PendingWrite> burst = new ArrayList<>();
            for (int i = 0; i < changes; i++) {
                burst.add(new PendingWrite(event("batched", i), null));
            }
            List<WriteOutcome> outcomes = adapter.putAll(connection, "batched", burst);
            long failed = outcomes.stream().filter(o -> !o.succeeded()).count();
            report("batch" + (failed == 0 ? "" : " (" + failed + " failed)"), changes, google.requests().size(),
                    System.nanoTime() - started);

            readBack(google, adapter, connection, calendars, latencyMillis);
        } finally {
            google.stop();
        }
    }

    private static void readBack(GoogleCalendarSimulator google, GoogleCalendarProvider adapter,
            ProviderConnection connection, int calendars, long latencyMillis) {
        for (int c = 0; c < calendars; c++) {
            for (int e = 0; e < 200; e++) {
                Instant start = FROM.plus(e * 7L, ChronoUnit.HOURS);
                google.putByOwner("read-" + c, Json.createObjectBuilder().add("summary", "Busy " + e)
                        .add("start", Json.createObjectBuilder().add("dateTime", start.toString()))
                        .add("end", Json.createObjectBuilder().add("dateTime", start.plusSeconds(3600).toString()))
                        .build());
            }
        }
        TimeWindow window = new TimeWindow(FROM, FROM.plus(365, ChronoUnit.DAYS));
        List<SyncCursor> cursors = new ArrayList<>();
        google.clearRequests();
        long started = System.nanoTime();
        int events = 0;
        for (int c = 0; c < calendars; c++) {
            ChangeBatch first = adapter.changesSince(connection, "read-" + c, SyncCursor.NONE, window);
            events += first.changed().size();
            cursors.add(first.next());
        }
        long firstRead = System.nanoTime() - started;
        int firstRequests = google.requests().size();
        google.clearRequests();
        started = System.nanoTime();
        int changed = 0;
        for (int c = 0; c < calendars; c++) {
            changed += adapter.changesSince(connection, "read-" + c, cursors.get(c), window).changed().size();
        }
        long reRead = System.nanoTime() - started;
        System.out.printf("Google pull, %d calendars x 200 events, %d ms per request%n", calendars, latencyMillis);
        System.out.printf("  first full read: %d events, %.2f requests per calendar, %.0f ms%n", events,
                (double) firstRequests / calendars, firstRead / 1e6);
        System.out.printf("  unchanged re-read: %d changes, %.2f requests per calendar, %.0f ms%n", changed,
                (double) google.requests().size() / calendars, reRead / 1e6);
    }

    private static OutgoingEvent event(String calendar, int n) {
        Instant start = FROM.plus(n, ChronoUnit.HOURS);
        return new OutgoingEvent("calsync-bench-" + calendar + "-" + n + "@northwind.example", "Session " + n, start,
                start.plusSeconds(3600), PARIS, "Room 1", null, URI.create("https://calsync.example/portal/"), null,
                List.of(), 0);
    }

    private static void report(String how, int changes, int requests, long nanos) {
        System.out.printf("  %-15s %5d requests (%.2f per change), %6.1f s, %.1f changes/s%n", how, requests,
                (double) requests / changes, nanos / 1e9, changes / (nanos / 1e9));
    }
}
