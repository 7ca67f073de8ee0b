package org.calsync.bench;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.calsync.it.support.Api;
import org.calsync.testsupport.ews.EwsSimulator;

/**
 * EWS streaming notifications through the app: N mailboxes linked through one service account are subscribed and
 * streamed by a running CalSync; then, one at a time, an appointment is added in a random mailbox and the time until
 * its busy time is stored (read back through the API) is measured. Also prints how long subscribing took, and the
 * threads and resident memory of the CalSync process before and after the connections opened. Run with
 * bench/ews-stream.sh.
 */
public final class EwsStreamBenchmark {

    private EwsStreamBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        URL calsync = new URL(args[0]);
        int mailboxes = Integer.parseInt(args[1]);
        int changes = Integer.parseInt(args[2]);
        long latencyMillis = Long.parseLong(args[3]);
        long pid = Long.parseLong(args[4]);
        Api api = new Api(calsync, "csk_demo_northwind_0000000000000001");
        EwsSimulator ews = new EwsSimulator().withServiceAccount("svc-calsync", "svc-secret");
        ews.start(0);
        try {
            ews.latency(Duration.ofMillis(latencyMillis));
            ExchangeBench.useServiceAccount(api, ews);
            Usage before = Usage.of(pid);
            List<String> people = new ArrayList<>();
            List<String> emails = new ArrayList<>();
            Instant linking = Instant.now();
            for (int i = 0; i < mailboxes; i++) {
                String email = "stream-bench-" + i + "@northwind.example";
                ews.mailbox(email);
                String person = api.createInstructor(email, "Stream Bench " + i, "Europe/London");
                ExchangeBench.require(api.post("people/" + person + "/calendar-accounts", "{\"provider\":\"EXCHANGE\"}"), 201);
                people.add(person);
                emails.add(email);
            }
            Instant linked = Instant.now();
            while (ews.streamedMailboxes().size() < mailboxes) {
                if (Duration.between(linked, Instant.now()).toMinutes() >= 10) {
                    throw new IllegalStateException("Only " + ews.streamedMailboxes().size() + " mailboxes streamed");
                }
                Thread.sleep(200);
            }
            Instant streamed = Instant.now();
            Thread.sleep(10_000); // the first read of every calendar, which follows its subscription, settles
            Usage open = Usage.of(pid);

            Random random = new Random(7);
            long[] latencies = new long[changes];
            Instant base = Instant.now().plus(Duration.ofDays(20)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            for (int i = 0; i < changes; i++) {
                int who = random.nextInt(mailboxes);
                Instant start = base.plus(Duration.ofMinutes(30L * i));
                long made = System.nanoTime();
                ews.mailbox(emails.get(who)).add("Change " + i, start, start.plus(Duration.ofMinutes(20)));
                String busy = "people/" + people.get(who) + "/busy?from=" + start.minusSeconds(1) + "&to=" + start.plusSeconds(60);
                while (!api.get(busy).body().contains(start.toString())) {
                    if (System.nanoTime() - made > Duration.ofSeconds(30).toNanos()) {
                        throw new IllegalStateException("Change " + i + " was not stored within 30 s");
                    }
                    Thread.sleep(2);
                }
                latencies[i] = System.nanoTime() - made;
            }
            Arrays.sort(latencies);
            System.out.printf("EWS streaming, %d mailboxes through one service account, %d ms per EWS request%n", mailboxes,
                    latencyMillis);
            System.out.printf("  linking took %d s; every mailbox streamed %d s after the last link (%d connections)%n",
                    Duration.between(linking, linked).toSeconds(), Duration.between(linked, streamed).toSeconds(),
                    ews.openStreams());
            System.out.printf("  change in a mailbox to its busy time stored, over %d changes: p50 %.0f ms, p99 %.0f ms,"
                    + " max %.0f ms (goal: within 5 s)%n", changes, ms(latencies[changes / 2]),
                    ms(latencies[(int) Math.min(changes - 1, Math.ceil(changes * 0.99) - 1)]), ms(latencies[changes - 1]));
            System.out.printf("  CalSync before the streams: %s%n  with %d mailboxes streamed: %s%n", before, mailboxes, open);
            if (!ews.violations().isEmpty()) {
                throw new IllegalStateException("Violations: " + ews.violations().get(0));
            }
        } finally {
            ews.stop();
        }
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** The CalSync process's threads and resident memory, from /proc. */
    private record Usage(long threads, long rssMb) {

        static Usage of(long pid) throws IOException {
            List<String> status = Files.readAllLines(Path.of("/proc/" + pid + "/status"));
            return new Usage(field(status, "Threads:"), field(status, "VmRSS:") / 1024);
        }

        private static long field(List<String> status, String name) {
            return status.stream().filter(line -> line.startsWith(name)).map(line -> line.replaceAll("\\D", ""))
                    .mapToLong(Long::parseLong).findFirst().orElse(0);
        }

        @Override
        public String toString() {
            return threads + " threads, " + rssMb + " MB resident";
        }
    }
}
