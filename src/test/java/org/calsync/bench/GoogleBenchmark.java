package org.calsync.bench;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;

import org.calsync.domain.model.calendar.PendingWrite;
import org.calsync.domain.model.calendar.ProviderConnection;
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
    private static final Instant FROM = CloudBench.FROM;

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
                adapter.put(connection, "single", CloudBench.event("single", i, PARIS), null);
            }
            CloudBench.report("one by one", changes, google.requests().size(), System.nanoTime() - started);

            google.clearRequests();
            started = System.nanoTime();
            List<PendingWrite> burst = new ArrayList<>();
            for (int i = 0; i < changes; i++) {
                burst.add(new PendingWrite(CloudBench.event("batched", i, PARIS), null));
            }
            List<WriteOutcome> outcomes = adapter.putAll(connection, "batched", burst);
            long failed = outcomes.stream().filter(o -> !o.succeeded()).count();
            CloudBench.report("batch" + (failed == 0 ? "" : " (" + failed + " failed)"), changes, google.requests().size(),
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
        CloudBench.readBack("Google", adapter, connection, calendars, 200, () -> google.requests().size(),
                google::clearRequests, latencyMillis);
    }
}
