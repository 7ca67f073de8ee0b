package org.calsync.bench;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

import org.calsync.domain.model.calendar.CalendarProvider;
import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.EventDetails;
import org.calsync.domain.model.calendar.EventTime;
import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.Staff;
import org.calsync.domain.model.calendar.SyncCursor;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.shared.Language;

/** What the Microsoft 365 and Google benchmarks share: their sessions, their push lines, their pull figures. */
final class CloudBench {

    static final Instant FROM = Instant.parse("2027-01-04T00:00:00Z");

    private CloudBench() {
    }

    static OutgoingEvent event(String calendar, int n, ZoneId zone) {
        Instant start = FROM.plus(n, ChronoUnit.HOURS);
        return new OutgoingEvent("calsync-bench-" + calendar + "-" + n + "@northwind.example", 0, "Session " + n,
                new EventTime(start, start.plusSeconds(3600), zone), "Room 1", null,
                new EventDetails(null, Staff.alsoTeaching(List.of()), URI.create("https://calsync.example/portal/"),
                Language.ENGLISH));
    }

    static void report(String how, int changes, int requests, long nanos) {
        System.out.printf("  %-15s %5d requests (%.2f per change), %6.1f s, %.1f changes/s%n", how, requests,
                (double) requests / changes, nanos / 1e9, changes / (nanos / 1e9));
    }

    /**
     * Reads the calendars "read-0" to "read-(calendars - 1)" in full, then again unchanged, and prints requests
     * per calendar and time.
     */
    static void readBack(String provider, CalendarProvider adapter, ProviderConnection connection, int calendars,
            int eventsEach, IntSupplier requests, Runnable clearRequests, long latencyMillis) {
        List<String> calendarIds = IntStream.range(0, calendars).mapToObj(c -> "read-" + c).toList();
        TimeWindow window = new TimeWindow(FROM, FROM.plus(365, ChronoUnit.DAYS));
        List<SyncCursor> cursors = new ArrayList<>();
        clearRequests.run();
        long started = System.nanoTime();
        int events = 0;
        for (String calendarId : calendarIds) {
            ChangeBatch first = adapter.changesSince(connection, calendarId, SyncCursor.NONE, window);
            events += first.changed().size();
            cursors.add(first.next());
        }
        long firstRead = System.nanoTime() - started;
        int firstRequests = requests.getAsInt();
        clearRequests.run();
        started = System.nanoTime();
        int changed = 0;
        for (int c = 0; c < calendarIds.size(); c++) {
            changed += adapter.changesSince(connection, calendarIds.get(c), cursors.get(c), window).changed().size();
        }
        long reRead = System.nanoTime() - started;
        System.out.printf("%s pull, %d calendars x %d events, %d ms per request%n", provider, calendars, eventsEach,
                latencyMillis);
        System.out.printf("  first full read: %d events, %.2f requests per calendar, %.0f ms%n", events,
                (double) firstRequests / calendars, firstRead / 1e6);
        System.out.printf("  unchanged re-read: %d changes, %.2f requests per calendar, %.0f ms%n", changed,
                (double) requests.getAsInt() / calendars, reRead / 1e6);
    }
}
