package org.calsync.bench;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.calsync.it.support.Api;
import org.calsync.testsupport.FixtureDates;

/**
 * A class of N learners without a linked calendar registered on one session in one request: the time from the
 * request to the moment the relay (GreenMail) has accepted every invitation, and the memory CalSync's process
 * holds meanwhile (resident set, sampled from /proc every 100 ms). Needs CalSync started with its relay on the
 * given port; run with bench/invitation-mail.sh [learners].
 */
public final class InvitationMailBenchmark {

    private InvitationMailBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        URL calsync = new URL(args[0]);
        int learners = Integer.parseInt(args[1]);
        long pid = Long.parseLong(args[2]);
        int smtpPort = Integer.parseInt(args[3]);
        Api api = new Api(calsync, "csk_demo_northwind_0000000000000001");
        GreenMail relay = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        relay.start();
        try {
            require(api.put("settings/invitation-mail", """
                    {"enabled":true,"sender":"training@northwind.example","audience":"WITHOUT_LINKED_CALENDAR"}"""), 200);
            String run = UUID.randomUUID().toString().substring(0, 6);
            JsonArrayBuilder idList = Json.createArrayBuilder();
            for (int i = 0; i < learners; i++) {
                Api.Reply created = require(api.post("people", """
                        {"email":"learner-%s-%d@northwind.example","displayName":"Learner %d","timeZone":"Europe/London",
                        "roles":["Learner"]}""".formatted(run, i, i)), 201);
                String id = created.object().getString("id");
                idList.add(id);
            }
            LocalDate day = FixtureDates.fromToday().workdayAhead(10);
            String session = require(api.post("sessions", """
                    {"courseTitle":"Induction %s","start":"%s","end":"%s","timeZone":"Europe/London","venue":"Hall"}"""
                    .formatted(run, FixtureDates.api(day.atTime(9, 0)), FixtureDates.api(day.atTime(17, 0)))), 201)
                    .object().getString("id");

            long rssBefore = residentKiB(pid);
            AtomicLong rssPeak = new AtomicLong(rssBefore);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    rssPeak.accumulateAndGet(residentKiB(pid), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long started = System.nanoTime();
            require(api.post("sessions/" + session + "/registrations/bulk",
                    Json.createObjectBuilder().add("personIds", idList).build().toString()), 200);
            long answered = System.nanoTime();
            long deadline = started + 600_000_000_000L;
            while (relay.getReceivedMessages().length < learners && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long allAccepted = System.nanoTime();
            sampler.interrupt();
            sampler.join();
            MimeMessage[] received = relay.getReceivedMessages();
            Set<String> recipients = new HashSet<>();
            for (MimeMessage message : received) {
                for (Address to : message.getRecipients(Message.RecipientType.TO)) {
                    recipients.add(to.toString());
                }
            }
            System.out.printf("Invitation emails, %d learners registered on one session in one request%n", learners);
            System.out.printf("  the request: %.0f ms%n", ms(answered - started));
            System.out.printf("  every email accepted by the relay: %.1f s after the request (%.0f emails/s), "
                    + "quiet period included%n", ms(allAccepted - started) / 1000, received.length
                    / ((allAccepted - started) / 1e9));
            System.out.printf("  emails: %d for %d different learners%s%n", received.length, recipients.size(),
                    received.length == learners && recipients.size() == learners ? " (one each)" : " (NOT one each)");
            System.out.printf("  CalSync's resident memory: %d MiB before, %d MiB at most while sending, "
                    + "%d MiB after%n", rssBefore / 1024, rssPeak.get() / 1024, residentKiB(pid) / 1024);
        } finally {
            relay.stop();
        }
    }

    private static Api.Reply require(Api.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("Expected " + status + ": " + reply.status() + " " + reply.body());
        }
        return reply;
    }

    /** VmRSS of the process, in KiB. */
    private static long residentKiB(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
