package org.calsync.bench;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.json.JsonObject;

import org.calsync.it.support.Api;
import org.calsync.testsupport.ews.EwsSimulator;
import org.calsync.testsupport.ews.SimulatedMailbox;

/**
 * The hourly pull through the whole app: the calendar-pull batch job of a running CalSync (started as "sync now"
 * for the tenant) over N Exchange mailboxes linked through a service account, against the schema-validating
 * simulator with a latency per request. Prints the job's time for a first full read and for an unchanged re-read,
 * mailboxes per second, requests per mailbox and the job's outcome. Needs a running CalSync with demo data; run
 * with bench/pull-job.sh.
 */
public final class PullJobBenchmark {

    private PullJobBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        URL calsync = new URL(args.length > 0 ? args[0] : "http://localhost:8080/");
        int mailboxes = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int appointments = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        long latencyMillis = args.length > 3 ? Long.parseLong(args[3]) : 20;
        Api api = new Api(calsync, "csk_demo_northwind_0000000000000001");
        EwsSimulator ews = new EwsSimulator().withServiceAccount("svc-calsync", "svc-secret");
        ews.start(0);
        try {
            ExchangeBench.useServiceAccount(api, ews);
            Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
            for (int m = 0; m < mailboxes; m++) {
                String address = "puller" + m + "@bench.example";
                SimulatedMailbox mailbox = ews.mailbox(address);
                for (int a = 0; a < appointments; a++) {
                    Instant start = now.plus(Duration.ofHours(7L * a + 1));
                    mailbox.add("Appointment " + a, start, start.plus(Duration.ofMinutes(45)));
                }
                String person = api.createInstructor(address, "Puller " + m, "Europe/London");
                ExchangeBench.require(api.post("people/" + person + "/calendar-accounts", "{\"provider\":\"EXCHANGE\"}"), 201);
            }
            ews.latency(Duration.ofMillis(latencyMillis));
            System.out.printf("The calendar-pull job over %d Exchange mailboxes x %d appointments, %d ms per request%n",
                    mailboxes, appointments, latencyMillis);
            for (String read : List.of("first full read ", "unchanged re-read")) {
                ews.clearRequests();
                long started = System.nanoTime();
                JsonObject job = runJob(api);
                double seconds = (System.nanoTime() - started) / 1e9;
                long requests = ews.requests().stream().filter(r -> !"GetFolder".equals(r.operation())).count();
                System.out.printf("  %s: %.1f s = %.0f mailboxes/s, %.2f requests per mailbox (%s of %d calendars: %s)%n",
                        read, seconds, mailboxes / seconds, (double) requests / mailboxes, job.getInt("calendarsDone"),
                        job.getInt("calendarsTotal"), job.getString("exitStatus", ""));
            }
            if (!ews.violations().isEmpty()) {
                throw new IllegalStateException("Schema violations: " + ews.violations().get(0));
            }
        } finally {
            ews.stop();
        }
    }

    /** Starts the job for the tenant and polls it until it ends; its last status. */
    private static JsonObject runJob(Api api) throws InterruptedException {
        Api.Reply started = api.post("sync-jobs", "");
        ExchangeBench.require(started, 202);
        long execution = started.object().getJsonNumber("executionId").longValue();
        while (true) {
            Thread.sleep(100);
            JsonObject job = api.get("sync-jobs/" + execution).object();
            String status = job.getString("status");
            if (!List.of("STARTING", "STARTED").contains(status)) {
                if (!"COMPLETED".equals(status)) {
                    throw new IllegalStateException("The job ended " + job);
                }
                return job;
            }
        }
    }

}
