package org.calsync.bench;

import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.calsync.it.cluster.CalSyncCluster;
import org.calsync.it.support.Api;
import org.calsync.it.support.ResetPostgresSchema;
import org.calsync.testsupport.FixtureDates;
import org.calsync.testsupport.RadicaleServer;

/**
 * Push throughput and latency of 1, 2 or 3 instances on one PostgreSQL database: instructors with a calendar
 * each in Radicale, one session each, renamed again and again by 8 clients spread over the instances; each change
 * is timed from the API call to the renamed event being readable in Radicale.
 */
public final class ClusterPushBenchmark {

    private static final int PEOPLE = 24;
    private static final int CLIENTS = 8;
    /** The sessions' time, a month ahead of whenever the benchmark runs. */
    private static final LocalDateTime START = FixtureDates.fromToday().workdayAhead(30).atTime(9, 0);

    private ClusterPushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int instances = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        String schema = "calsync_bench_cluster";
        ResetPostgresSchema.reset(System.getProperty("calsync.test.pg.url"), schema,
                System.getProperty("calsync.test.pg.user"), System.getProperty("calsync.test.pg.password"));
        RadicaleServer radicale = new RadicaleServer();
        for (int i = 0; i < PEOPLE; i++) {
            radicale.withUser("bench-" + i, "bench-" + i + "-secret");
        }
        radicale.start();
        try (CalSyncCluster cluster = CalSyncCluster.start(instances, schema, Map.of("CALSYNC_DEMO_DATA", "true"))) {
            List<CalSyncCluster.Instance> notReady = cluster.awaitReady(Duration.ofMinutes(5));
            if (!notReady.isEmpty()) {
                throw new IllegalStateException("Not ready: " + notReady.stream().map(CalSyncCluster.Instance::logTail)
                        .collect(Collectors.joining("\n")));
            }
            List<Api> apis = cluster.instances().stream().map(CalSyncCluster.Instance::api).toList();
            List<Target> targets = setUp(apis.get(0), radicale);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            long[] latencies = new long[changes];
            long started = System.nanoTime();
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (int client = 0; client < CLIENTS; client++) {
                    int first = client;
                    sent.add(clients.submit(() -> {
                        // Each client keeps to its own people, so that no two clients rename one session at once.
                        for (int i = first; i < changes; i += CLIENTS) {
                            Target target = targets.get(first + CLIENTS * ((i / CLIENTS) % (PEOPLE / CLIENTS)));
                            latencies[i] = rename(apis.get(i % apis.size()), radicale, target, "Bench " + i);
                        }
                        return null;
                    }));
                }
                for (Future<?> one : sent) {
                    one.get(30, TimeUnit.MINUTES);
                }
            } finally {
                clients.shutdownNow();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Arrays.sort(latencies);
            System.out.printf("Cluster push, %d instance(s), %d changes by %d clients over %d people: %.1f changes/s;"
                    + " API call to event readable: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", instances, changes, CLIENTS,
                    PEOPLE, changes / seconds, ms(latencies[changes / 2]),
                    ms(latencies[(int) Math.min(changes - 1, Math.ceil(changes * 0.99) - 1)]), ms(latencies[changes - 1]));
        } finally {
            radicale.stop();
        }
    }

    /** One instructor's session and the event it became in their calendar. */
    private record Target(String session, String user, URI event) {
    }

    private static List<Target> setUp(Api api, RadicaleServer radicale) throws InterruptedException, SQLException {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            String user = "bench-" + i;
            URI calendar = radicale.createCalendar(user, "work");
            String person = api.createInstructor(user + "@northwind.example", "Bench " + i, "Europe/London");
            Api.Reply linked = api.post("people/" + person + "/calendar-accounts", """
                    {"provider":"CALDAV","serverUrl":"%s","username":"%s","password":"%s"}"""
                    .formatted(radicale.base(), user, user + "-secret"));
            if (linked.status() != 201) {
                throw new IllegalStateException("Linking failed: " + linked);
            }
            String session = api.post("sessions", """
                    {"courseTitle":"Bench start %d","start":"%s","end":"%s","timeZone":"Europe/London"}"""
                    .formatted(i, FixtureDates.api(START), FixtureDates.api(START.plusHours(1)))).object().getString("id");
            api.post("sessions/" + session + "/instructors", "{\"personId\":\"" + person + "\"}");
            targets.add(new Target(session, user, waitForEvent(radicale, user, calendar, "Bench start " + i)));
        }
        return targets;
    }

    private static long rename(Api api, RadicaleServer radicale, Target target, String title) {
        long asked = System.nanoTime();
        Api.Reply renamed = api.put("sessions/" + target.session(), """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London"}"""
                .formatted(title, FixtureDates.api(START), FixtureDates.api(START.plusHours(1))));
        if (renamed.status() != 200) {
            throw new IllegalStateException("Rename refused: " + renamed);
        }
        // Eight clients polling in a tight loop would measure Radicale under their own load; 10 ms apart they do not.
        while (!radicale.send(target.user(), "GET", target.event(), null, Map.of()).body().contains("SUMMARY:" + title + "\r")) {
            pause();
        }
        return System.nanoTime() - asked;
    }

    private static URI waitForEvent(RadicaleServer radicale, String user, URI calendar, String title)
            throws InterruptedException {
        for (int attempt = 0; attempt < 400; attempt++) {
            for (String href : radicale.hrefs(user, calendar)) {
                if (radicale.send(user, "GET", URI.create(href), null, Map.of()).body().contains(title)) {
                    return URI.create(href);
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("The first push to " + user + " never arrived");
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
