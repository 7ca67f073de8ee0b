package org.calsync.bench;

import java.net.URI;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import org.calsync.it.support.Api;
import org.calsync.testsupport.RadicaleServer;

/**
 * Self-booking's bookable times: one instructor with a Radicale calendar of 500 busy events over four weeks
 * (pulled), availability from 08:00 to 20:00 every day, a 30-minute kind offered every 15 minutes. Prints the API's
 * time to list four weeks of bookable times against the goal of 20 ms. Needs a running CalSync with demo data; run
 * with bench/booking-slots.sh.
 */
public final class BookableSlotsBenchmark {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final int EVENTS = 500;
    private static final int DAYS = 28;
    private static final int RUNS = 20;

    private BookableSlotsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Api api = new Api(new URL(args.length > 0 ? args[0] : "http://localhost:8080/"),
                "csk_demo_northwind_0000000000000001");
        RadicaleServer radicale = new RadicaleServer().withUser("bench", "bench-secret");
        radicale.start();
        try {
            String instructor = api.createInstructor("slots-" + System.nanoTime() + "@northwind.example",
                    "Bench Instructor", "Europe/London");
            URI calendar = radicale.createCalendar("bench", "work");
            LocalDate first = LocalDate.now(LONDON).plusDays(1);
            for (int i = 0; i < EVENTS; i++) {
                // Spread over the four weeks, 30 to 90 minutes each, from 08:00 to 19:00.
                LocalDate day = first.plusDays(i % DAYS);
                int startMinute = 8 * 60 + (i * 37) % (11 * 60);
                int length = 30 + (i * 13) % 61;
                var start = day.atStartOfDay(LONDON).plusMinutes(startMinute).toInstant().atOffset(ZoneOffset.UTC);
                String uid = "slots-bench-" + i;
                radicale.putEvent("bench", calendar.resolve(uid + ".ics"), """
                        BEGIN:VCALENDAR\r
                        VERSION:2.0\r
                        PRODID:-//Bench//EN\r
                        BEGIN:VEVENT\r
                        UID:%s\r
                        DTSTAMP:20261101T120000Z\r
                        DTSTART:%s\r
                        DTEND:%s\r
                        SUMMARY:Busy %d\r
                        END:VEVENT\r
                        END:VCALENDAR\r
                        """.formatted(uid, ICS.format(start), ICS.format(start.plusMinutes(length)), i));
            }
            ExchangeBench.require(api.post("people/" + instructor + "/calendar-accounts", """
                    {"provider":"CALDAV","serverUrl":"%s","username":"bench","password":"bench-secret"}"""
                    .formatted(radicale.base())), 201);
            api.post("people/" + instructor + "/sync", "");
            StringBuilder weekly = new StringBuilder();
            for (String day : new String[] {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"}) {
                weekly.append(weekly.isEmpty() ? "" : ",")
                        .append("{\"day\":\"%s\",\"start\":\"08:00\",\"end\":\"20:00\"}".formatted(day));
            }
            ExchangeBench.require(api.put("people/" + instructor + "/availability",
                    "{\"zone\":\"Europe/London\",\"weeklyHours\":[" + weekly + "]}"), 200);
            Api.Reply offered = api.post("people/" + instructor + "/bookable-kinds", """
                    {"name":"Coaching","lengthMinutes":30,"bufferBeforeMinutes":5,"bufferAfterMinutes":5,"horizonDays":60,"maxPerDay":20,"startEveryMinutes":15}""");
            ExchangeBench.require(offered, 201);
            String query = "bookable-kinds/" + offered.object().getString("id") + "/slots?from="
                    + first.atStartOfDay(LONDON).toInstant() + "&to=" + first.plusDays(DAYS).atStartOfDay(LONDON).toInstant();
            long[] times = new long[RUNS];
            int slots = 0;
            for (int run = -5; run < RUNS; run++) {
                long started = System.nanoTime();
                Api.Reply reply = api.get(query);
                ExchangeBench.require(reply, 200);
                if (run >= 0) {
                    times[run] = System.nanoTime() - started;
                    slots = reply.array().size();
                }
            }
            Arrays.sort(times);
            System.out.printf("Bookable times of one instructor over %d days, %d busy events in Radicale (pulled), "
                    + "08:00-20:00 daily, 30 min every 15 min%n", DAYS, EVENTS);
            System.out.printf("  API: median %.1f ms, max %.1f ms (%d runs after 5 warm-ups), %d bookable times; goal 20 ms%n",
                    times[RUNS / 2] / 1e6, times[RUNS - 1] / 1e6, RUNS, slots);
        } finally {
            radicale.stop();
        }
    }
}
