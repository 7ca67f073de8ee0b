package org.calsync.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.SyncCursor;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.infrastructure.provider.caldav.CalDavCalendarProvider;
import org.calsync.testsupport.RadicaleServer;

/**
 * Pull throughput of the CalDAV adapter against Radicale: N calendars of M events each, a first full read,
 * then an unchanged re-read. Prints events per second and requests per calendar.
 * Run with bench/caldav-pull.sh [calendars] [events per calendar].
 */
public final class CalDavPullBenchmark {

    private CalDavPullBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calendars = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        RadicaleServer radicale = new RadicaleServer().withUser("bench", "bench-secret");
        radicale.start();
        try {
            List<URI> collections = new ArrayList<>();
            for (int c = 0; c < calendars; c++) {
                collections.add(radicale.createCalendar("bench", "cal-" + c));
            }
            // Writing the files straight into Radicale's storage is far faster than 100,000 PUTs.
            radicale.stop();
            for (int c = 0; c < calendars; c++) {
                Path folder = radicale.storageFolder().resolve("collection-root/bench/cal-" + c);
                for (int e = 0; e < events; e++) {
                    Files.writeString(folder.resolve("e" + e + ".ics"), event(c, e));
                }
            }
            radicale.start();
            CalDavCalendarProvider provider = new CalDavCalendarProvider();
            ProviderConnection connection = new ProviderConnection(radicale.base(), "bench", "bench-secret", ZoneId.of("UTC"));
            TimeWindow window = new TimeWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"));

            List<SyncCursor> cursors = new ArrayList<>();
            long firstStart = System.nanoTime();
            int read = 0;
            int firstRequests = 0;
            for (URI collection : collections) {
                ChangeBatch batch = provider.changesSince(connection, collection.toString(), SyncCursor.NONE, window);
                read += batch.changed().size();
                firstRequests += batch.requests();
                cursors.add(batch.next());
            }
            Duration first = Duration.ofNanos(System.nanoTime() - firstStart);

            long againStart = System.nanoTime();
            int againRequests = 0;
            int changed = 0;
            for (int i = 0; i < collections.size(); i++) {
                ChangeBatch batch = provider.changesSince(connection, collections.get(i).toString(), cursors.get(i), window);
                againRequests += batch.requests();
                changed += batch.changed().size();
            }
            Duration again = Duration.ofNanos(System.nanoTime() - againStart);

            System.out.printf("CalDAV pull, %d calendars x %d events against Radicale%n", calendars, events);
            System.out.printf("  first full read : %d events in %.1f s = %.0f events/s, %.2f requests per calendar%n",
                    read, first.toMillis() / 1000.0, read / (first.toMillis() / 1000.0), firstRequests / (double) calendars);
            System.out.printf("  unchanged re-read: %d changes in %.2f s, %.2f requests per calendar%n",
                    changed, again.toMillis() / 1000.0, againRequests / (double) calendars);
        } finally {
            radicale.stop();
        }
    }

    private static String event(int calendar, int index) {
        Instant start = Instant.parse("2026-12-01T08:00:00Z").plus(Duration.ofHours(index * 7L));
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//CalSync bench//EN\r\nBEGIN:VEVENT\r\n"
                + "UID:bench-" + calendar + "-" + index + "@example.com\r\nDTSTAMP:20261101T120000Z\r\n"
                + "DTSTART:" + ics(start) + "\r\nDTEND:" + ics(start.plus(Duration.ofMinutes(45))) + "\r\n"
                + "SUMMARY:Meeting " + index + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    private static String ics(Instant instant) {
        return instant.toString().replace("-", "").replace(":", "").replace(".000", "").substring(0, 15) + "Z";
    }
}
