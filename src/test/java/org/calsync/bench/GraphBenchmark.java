package org.calsync.bench;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.Json;

import org.calsync.domain.model.calendar.PendingWrite;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.WriteOutcome;
import org.calsync.infrastructure.provider.graph.GraphCalendarProvider;
import org.calsync.testsupport.graph.GraphSimulator;

/**
 * Microsoft 365 figures against the Graph simulator with a latency per request: N pushes one by one (each a
 * lookup by UID and a write), the same with four at a time (the mailbox's limit), and through {@code $batch};
 * then calendars read in full and re-read unchanged. Counts requests and time. Run with bench/graph.sh.
 */
public final class GraphBenchmark {

    private static final String MAILBOX = "bench@northwind.example";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant FROM = CloudBench.FROM;

    private GraphBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long latencyMillis = args.length > 1 ? Long.parseLong(args[1]) : 20;
        int calendars = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        GraphSimulator graph = new GraphSimulator().withMailbox(MAILBOX, "single").withCalendar(MAILBOX, "parallel",
                "Parallel", true).withCalendar(MAILBOX, "batched", "Batched", true);
        for (int c = 0; c < calendars; c++) {
            graph.withCalendar(MAILBOX, "read-" + c, "Read " + c, true);
        }
        graph.start();
        try {
            GraphCalendarProvider adapter = new GraphCalendarProvider(1000);
            ProviderConnection connection = new ProviderConnection(URI.create(graph.baseUrl()), MAILBOX, "bench-token", LONDON);
            graph.withLatency(Duration.ofMillis(latencyMillis));
            System.out.printf("Microsoft 365 push, %d changes, %d ms per request%n", changes, latencyMillis);

            graph.clearRequests();
            long started = System.nanoTime();
            for (int i = 0; i < changes; i++) {
                adapter.put(connection, "single", CloudBench.event("single", i, LONDON), null);
            }
            CloudBench.report("one by one", changes, graph.requests().size(), System.nanoTime() - started);

            graph.clearRequests();
            started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> writes = new ArrayList<>();
                for (int i = 0; i < changes; i++) {
                    int n = i;
                    writes.add(pool.submit(() -> adapter.put(connection, "parallel", CloudBench.event("parallel", n, LONDON),
                            null)));
                }
                for (Future<?> write : writes) {
                    write.get();
                }
            } finally {
                pool.shutdown();
            }
            CloudBench.report("four at a time", changes, graph.requests().size(), System.nanoTime() - started);

            graph.clearRequests();
            started = System.nanoTime();
            List<PendingWrite> burst = new ArrayList<>();
            for (int i = 0; i < changes; i++) {
                burst.add(new PendingWrite(CloudBench.event("batched", i, LONDON), null));
            }
            List<WriteOutcome> outcomes = adapter.putAll(connection, "batched", burst);
            long failed = outcomes.stream().filter(o -> !o.succeeded()).count();
            CloudBench.report("$batch" + (failed == 0 ? "" : " (" + failed + " failed)"), changes, graph.requests().size(),
                    System.nanoTime() - started);

            readBack(graph, adapter, connection, calendars, latencyMillis);
        } finally {
            graph.stop();
        }
    }

    private static void readBack(GraphSimulator graph, GraphCalendarProvider adapter, ProviderConnection connection,
            int calendars, long latencyMillis) {
        for (int c = 0; c < calendars; c++) {
            for (int e = 0; e < 200; e++) {
                Instant start = FROM.plus(e * 7L, ChronoUnit.HOURS);
                graph.putByOwner(MAILBOX, "read-" + c, null, Json.createObjectBuilder().add("subject", "Busy " + e)
                        .add("start", GraphSimulator.utcTime(start)).add("end", GraphSimulator.utcTime(start.plusSeconds(3600)))
                        .build());
            }
        }
        CloudBench.readBack("Microsoft 365", adapter, connection, calendars, 200, () -> graph.requests().size(),
                graph::clearRequests, latencyMillis);
    }
}
