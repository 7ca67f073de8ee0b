package org.calsync.bench;

import java.net.URL;
import java.time.Duration;
import java.util.Arrays;

import org.calsync.it.support.Api;
import org.calsync.testsupport.ews.EwsSimulator;
import org.calsync.testsupport.ews.SimulatedMailbox;

/**
 * Push latency to Exchange: from the API call that commits a session change to the moment the changed
 * appointment is in the simulated mailbox, which answers every request after a set latency. Needs a running
 * CalSync with demo data; run with bench/ews.sh.
 */
public final class EwsPushBenchmark {

    private EwsPushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        URL calsync = new URL(args.length > 0 ? args[0] : "http://localhost:8080/");
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        long latencyMillis = args.length > 2 ? Long.parseLong(args[2]) : 20;
        Api api = new Api(calsync, "csk_demo_northwind_0000000000000001");
        EwsSimulator ews = new EwsSimulator().withServiceAccount("svc-calsync", "svc-secret");
        ews.start(0);
        try {
            String email = "lucie.martin@northwind.example";
            SimulatedMailbox mailbox = ews.mailbox(email);
            ExchangeBench.useServiceAccount(api, ews);
            String lucie = api.personId(email);
            ExchangeBench.require(api.post("people/" + lucie + "/calendar-accounts", "{\"provider\":\"EXCHANGE\"}"), 201);
            ews.latency(Duration.ofMillis(latencyMillis));
            String session = api.post("sessions", """
                    {"courseTitle":"Bench 0","start":"2027-06-01T09:00","end":"2027-06-01T10:00","timeZone":"Europe/London"}""")
                    .object().getString("id");
            api.post("sessions/" + session + "/instructors", "{\"personId\":\"" + lucie + "\"}");
            waitFor(mailbox, "Bench 0");

            long[] latencies = new long[changes];
            for (int i = 1; i <= changes; i++) {
                String title = "Bench " + i;
                long committed = System.nanoTime();
                api.put("sessions/" + session, """
                        {"courseTitle":"%s","start":"2027-06-01T09:00","end":"2027-06-01T10:00","timeZone":"Europe/London"}"""
                        .formatted(title));
                while (mailbox.items().stream().noneMatch(item -> item.subject().equals(title))) {
                    Thread.onSpinWait();
                }
                latencies[i - 1] = System.nanoTime() - committed;
            }
            Arrays.sort(latencies);
            System.out.printf("EWS push latency, %d session changes, %d ms per EWS request, API call to appointment "
                    + "changed in the mailbox%n", changes, latencyMillis);
            System.out.printf("  p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", ms(latencies[changes / 2]),
                    ms(latencies[(int) Math.min(changes - 1, Math.ceil(changes * 0.99) - 1)]), ms(latencies[changes - 1]));
            if (!ews.violations().isEmpty()) {
                throw new IllegalStateException("Schema violations: " + ews.violations().get(0));
            }
        } finally {
            ews.stop();
        }
    }


    private static void waitFor(SimulatedMailbox mailbox, String title) throws InterruptedException {
        for (int attempt = 0; attempt < 400; attempt++) {
            if (mailbox.items().stream().anyMatch(item -> item.subject().equals(title))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("The first push never arrived");
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
