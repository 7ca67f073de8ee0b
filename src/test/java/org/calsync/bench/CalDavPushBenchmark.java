package org.calsync.bench;

import java.net.URI;
import java.net.URL;
import java.util.Arrays;
import java.util.Map;

import org.calsync.it.support.Api;
import org.calsync.testsupport.RadicaleServer;

/**
 * Push latency against Radicale: time from the API call that commits a session change to the moment the
 * changed event can be read from the person's calendar, over N changes. Prints p50, p99 and max.
 * Needs a running CalSync with demo data; run with bench/caldav-push.sh [changes].
 */
public final class CalDavPushBenchmark {

    private CalDavPushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        URL calsync = new URL(args.length > 0 ? args[0] : "http://localhost:8080/");
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Api api = new Api(calsync, "csk_demo_northwind_0000000000000001");
        RadicaleServer radicale = new RadicaleServer().withUser("lucie", "lucie-secret");
        radicale.start();
        try {
            URI calendar = radicale.createCalendar("lucie", "bench");
            String lucie = api.personId("lucie.martin@northwind.example");
            Api.Reply linked = api.post("people/" + lucie + "/calendar-accounts", """
                    {"provider":"CALDAV","serverUrl":"%s","username":"lucie","password":"lucie-secret"}""".formatted(radicale.base()));
            if (linked.status() != 201) {
                throw new IllegalStateException("Linking failed: " + linked);
            }
            String session = api.post("sessions", """
                    {"courseTitle":"Bench 0","start":"2027-06-01T09:00","end":"2027-06-01T10:00","timeZone":"Europe/London"}""")
                    .object().getString("id");
            api.post("sessions/" + session + "/instructors", "{\"personId\":\"" + lucie + "\"}");
            URI event = waitForEvent(radicale, calendar, "Bench 0");

            long[] latencies = new long[changes];
            for (int i = 1; i <= changes; i++) {
                String title = "Bench " + i;
                long committed = System.nanoTime();
                api.put("sessions/" + session, """
                        {"courseTitle":"%s","start":"2027-06-01T09:00","end":"2027-06-01T10:00","timeZone":"Europe/London"}"""
                        .formatted(title));
                while (!radicale.send("lucie", "GET", event, null, Map.of()).body().contains("SUMMARY:" + title + "\r")) {
                    Thread.onSpinWait();
                }
                latencies[i - 1] = System.nanoTime() - committed;
            }
            Arrays.sort(latencies);
            System.out.printf("CalDAV push latency, %d session changes, API call to event readable in Radicale%n", changes);
            System.out.printf("  p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", ms(latencies[changes / 2]),
                    ms(latencies[(int) Math.min(changes - 1, Math.ceil(changes * 0.99) - 1)]), ms(latencies[changes - 1]));
        } finally {
            radicale.stop();
        }
    }

    private static URI waitForEvent(RadicaleServer radicale, URI calendar, String title) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            for (String href : radicale.hrefs("lucie", calendar)) {
                if (radicale.send("lucie", "GET", URI.create(href), null, Map.of()).body().contains(title)) {
                    return URI.create(href);
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("The first push never arrived");
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
