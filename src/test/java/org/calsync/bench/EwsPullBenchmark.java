package org.calsync.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.SyncCursor;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.infrastructure.provider.ews.EwsCalendarProvider;
import org.calsync.testsupport.ews.EwsSimulator;
import org.calsync.testsupport.ews.SimulatedMailbox;

/**
 * The EWS adapter pulling many mailboxes through one service account, against the simulator with a
 * latency per request (an Exchange server across a network): a first full read, then an unchanged re-read.
 * Prints mailboxes per second and requests per mailbox. Run with bench/ews.sh.
 */
public final class EwsPullBenchmark {

    private EwsPullBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int mailboxes = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int appointments = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        long latencyMillis = args.length > 2 ? Long.parseLong(args[2]) : 20;
        EwsSimulator ews = new EwsSimulator().withServiceAccount("svc-calsync", "svc-secret");
        ews.start(0);
        try {
            Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
            List<String> addresses = new ArrayList<>();
            for (int m = 0; m < mailboxes; m++) {
                String address = "person" + m + "@bench.example";
                addresses.add(address);
                SimulatedMailbox mailbox = ews.mailbox(address);
                for (int a = 0; a < appointments; a++) {
                    Instant start = now.plus(Duration.ofHours(7L * a + 1));
                    mailbox.add("Appointment " + a, start, start.plus(Duration.ofMinutes(45)));
                }
            }
            ews.latency(Duration.ofMillis(latencyMillis));
            EwsCalendarProvider provider = new EwsCalendarProvider();
            TimeWindow window = new TimeWindow(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
            String[] calendars = new String[mailboxes];
            SyncCursor[] cursors = new SyncCursor[mailboxes];
            // CalSync's per-server limit: the adapter lets 10 calls in at once, so the bench offers 10.
            ExecutorService workers = Executors.newFixedThreadPool(10);
            try {
                long started = System.nanoTime();
                int[] first = run(workers, mailboxes, m -> {
                    ProviderConnection connection = connection(ews, addresses.get(m));
                    calendars[m] = provider.listCalendars(connection).get(0).id();
                    ChangeBatch batch = provider.changesSince(connection, calendars[m], SyncCursor.NONE, window);
                    cursors[m] = batch.next();
                    if (batch.changed().size() != appointments) {
                        throw new IllegalStateException(addresses.get(m) + ": " + batch.changed().size() + " appointments");
                    }
                    return batch.requests();
                });
                double firstSeconds = (System.nanoTime() - started) / 1e9;
                started = System.nanoTime();
                int[] again = run(workers, mailboxes, m -> {
                    ChangeBatch batch = provider.changesSince(connection(ews, addresses.get(m)), calendars[m], cursors[m],
                            window);
                    if (!batch.isEmpty()) {
                        throw new IllegalStateException(addresses.get(m) + " changed");
                    }
                    return batch.requests();
                });
                double againSeconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("EWS pull, %d mailboxes x %d appointments, %d ms per request, 10 calls at a time%n",
                        mailboxes, appointments, latencyMillis);
                System.out.printf("  first full read : %.1f s = %.0f mailboxes/s, %.2f requests per mailbox%n",
                        firstSeconds, mailboxes / firstSeconds, average(first));
                System.out.printf("  unchanged re-read: %.1f s = %.0f mailboxes/s, %.2f requests per mailbox%n",
                        againSeconds, mailboxes / againSeconds, average(again));
            } finally {
                workers.shutdownNow();
            }
            if (!ews.violations().isEmpty()) {
                throw new IllegalStateException("Schema violations: " + ews.violations().get(0));
            }
        } finally {
            ews.stop();
        }
    }

    private static ProviderConnection connection(EwsSimulator ews, String mailbox) {
        return new ProviderConnection(ews.url(), "svc-calsync", "svc-secret", ZoneId.of("UTC"), mailbox);
    }

    private interface Job {
        int run(int mailbox) throws Exception;
    }

    private static int[] run(ExecutorService workers, int count, Job job) throws Exception {
        List<Future<Integer>> futures = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            int index = m;
            futures.add(workers.submit(() -> job.run(index)));
        }
        int[] results = new int[count];
        for (int m = 0; m < count; m++) {
            results[m] = futures.get(m).get();
        }
        return results;
    }

    private static double average(int[] values) {
        long sum = 0;
        for (int value : values) {
            sum += value;
        }
        return (double) sum / values.length;
    }
}
