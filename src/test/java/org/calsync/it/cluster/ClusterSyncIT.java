package org.calsync.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.OtherClient;
import org.calsync.testsupport.Eventually;
import org.calsync.testsupport.FixtureDates;
import org.calsync.testsupport.RadicaleServer;
import org.calsync.testsupport.ews.EwsSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two real instances on one PostgreSQL schema, with Radicale as the calendar server, doing the same work at the
 * same moment: moves sent to both, "sync now" on both, and one of them killed in the middle of a burst. The
 * calendars must end up exactly as the API says, with nothing reverted, doubled or lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSyncIT {

    /** Learners registering at once in the burst, each with a calendar of their own. */
    private static final int BURST = 300;

    @RegisterExtension
    static final RadicaleServer RADICALE = withLearners(new RadicaleServer().withUser("ada", "ada-secret")
            .withUser("bea", "bea-secret").withUser("rnd-a", "rnd-a-secret").withUser("rnd-b", "rnd-b-secret")
            .withUser("rnd-cal", "rnd-cal-secret"));

    /** Exchange, for the change streams: a service account's mailboxes grouped on connections, as Exchange 2016. */
    @RegisterExtension
    static final EwsSimulator EWS = new EwsSimulator().withServiceAccount("svc-calsync", "svc-secret").requireAffinity();
    private static final int MAILBOXES = 20;
    private static final List<String> STREAMED = new ArrayList<>();
    private static Instant victimKilledAt;

    /** Randomised runs, and how many run at the same time (each on a session of its own). */
    private static final int RUNS = 200;
    private static final int RUNS_AT_ONCE = 8;

    private static final ClusterDatabase DATABASE = new ClusterDatabase("calsync_cluster_sync");
    private static final FixtureDates DAYS = FixtureDates.fromToday();
    private static final Pattern LONDON_START = Pattern.compile("DTSTART;TZID=Europe/London:(\\d{8}T\\d{6})");
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private static CalSyncCluster cluster;
    private static CalSyncCluster latecomer;
    private static String ada;
    private static URI calendar;

    @BeforeAll
    static void startTwoInstancesAndLinkAdasCalendar() throws Exception {
        assumeTrue(CalSyncDeployment.onPostgres(), "the cluster needs the PostgreSQL run");
        DATABASE.empty();
        cluster = CalSyncCluster.start(2, DATABASE.schema(), Map.of("CALSYNC_DEMO_DATA", "true",
                "CALSYNC_EWS_PULL_SUBSCRIPTION_INTERVAL", "PT1S"));
        List<CalSyncCluster.Instance> notReady = cluster.awaitReady(Duration.ofMinutes(4));
        assertTrue(notReady.isEmpty(), () -> notReady.stream().map(CalSyncCluster.Instance::logTail)
                .collect(Collectors.joining("\n\n")));
        calendar = RADICALE.createCalendar("ada", "sessions");
        ada = first().createInstructor("ada@northwind.example", "Ada Cluster", "Europe/London");
        Api.Reply linked = first().post("people/" + ada + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"ada","password":"ada-secret"}""".formatted(RADICALE.base()));
        assertEquals(201, linked.status(), linked.body());
    }

    @AfterAll
    static void stop() {
        if (latecomer != null) {
            latecomer.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * 30 sessions led by Ada, 8 rounds of 8 moves each, sent to both instances at once without waiting for the
     * pushes: every session and every event ends at the time of its last accepted move, and no pull takes
     * CalSync's own write on the other instance for Ada's move.
     */
    @Test
    @Order(1)
    void movesSentToBothInstancesAtOnceAreNeverRevertedOrDoubled() throws Exception {
        String tag = "Move " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate day = DAYS.workdayAhead(10);
        List<String> sessions = new ArrayList<>();
        Map<String, LocalDateTime> accepted = new ConcurrentHashMap<>();
        for (int i = 0; i < 30; i++) {
            LocalDateTime start = day.plusDays(i % 5).atTime(8, 0);
            String session = createSession(api(i), tag + " #" + i, start);
            assertEquals(200, api(i).post("sessions/" + session + "/instructors", "{\"personId\":\"" + ada + "\"}").status());
            sessions.add(session);
            accepted.put(session, start);
        }
        Eventually.await("the 30 sessions reach Ada's calendar", SETTLE, () -> eventsTagged(tag).size() == 30);

        long seed = System.nanoTime();
        Random random = new Random(seed);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        AtomicInteger refused = new AtomicInteger();
        try {
            for (int round = 0; round < 8; round++) {
                List<String> moved = new ArrayList<>(sessions);
                Collections.shuffle(moved, random);
                List<Future<?>> sent = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String session = moved.get(i);
                    int index = sessions.indexOf(session);
                    LocalDateTime start = day.plusDays(index % 5).atTime(9 + round, random.nextInt(4) * 15);
                    Api target = api(round + i);
                    sent.add(senders.submit(() -> {
                        Api.Reply reply = target.put("sessions/" + session, sessionJson(tag + " #" + index, start));
                        if (reply.status() == 200) {
                            accepted.put(session, start);
                        } else {
                            refused.incrementAndGet(); // a 409 is a fair answer to a race; the session keeps the other time
                        }
                        return null;
                    }));
                }
                for (Future<?> one : sent) {
                    one.get(60, TimeUnit.SECONDS);
                }
            }
        } finally {
            senders.shutdownNow();
        }

        Eventually.await("every event shows its session's last accepted time", SETTLE,
                () -> mismatches(tag, sessions, accepted).isEmpty());
        // Both instances read Ada's calendar now; what they find is CalSync's own writes, not moves of hers.
        syncNowOnBothAtOnce();
        Map<String, String> reverted = new HashMap<>();
        for (String session : sessions) {
            String start = first().get("sessions/" + session).object().getString("start");
            if (!start.equals(FixtureDates.apiAnswer(accepted.get(session)))) {
                reverted.put(session, start + " instead of " + accepted.get(session));
            }
        }
        List<String> events = eventsTagged(tag);
        long moveNotes = DATABASE.count("SELECT COUNT(*) FROM sync_run_note WHERE kind IN ('SESSION_MOVED', "
                + "'MOVED_BY_NON_OWNER')");
        System.out.printf("Cluster moves (seed %d): 30 sessions, 64 moves (%d refused as concurrent), %d reverted, "
                + "%d events for 30 sessions, %d sync-log moves%n", seed, refused.get(), reverted.size(), events.size(),
                moveNotes);
        assertEquals(Map.of(), reverted, "seed " + seed + ": no session went back to an earlier time");
        assertEquals(List.of(), mismatches(tag, sessions, accepted), "seed " + seed + ": every event has its time");
        assertEquals(30, events.size(), "seed " + seed + ": one event per session");
        assertEquals(0, moveNotes, "seed " + seed + ": nobody moved anything in the calendar");
    }

    /** "Sync now" on both instances at the same moment, five times: each busy time is stored and shown once. */
    @Test
    @Order(2)
    void syncNowOnBothInstancesAtOnceStoresEachBusyTimeOnce() throws Exception {
        LocalDate day = DAYS.workdayAhead(20);
        Set<String> starts = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            String uid = "dentist-" + UUID.randomUUID();
            LocalDateTime start = day.plusDays(i).atTime(15, 0);
            assertEquals(201, RADICALE.putEvent("ada", calendar.resolve(uid + ".ics"), """
                    BEGIN:VCALENDAR\r
                    VERSION:2.0\r
                    PRODID:-//Other client//EN\r
                    BEGIN:VEVENT\r
                    UID:%s\r
                    DTSTAMP:20261101T120000Z\r
                    DTSTART:%sZ\r
                    DTEND:%sZ\r
                    SUMMARY:Dentist\r
                    END:VEVENT\r
                    END:VCALENDAR\r
                    """.formatted(uid, FixtureDates.ical(start), FixtureDates.ical(start.plusHours(1)))).statusCode());
            starts.add(start.toLocalDate() + "T15:00:00Z");
        }
        for (int time = 0; time < 5; time++) {
            syncNowOnBothAtOnce();
        }
        Api.Reply busy = first().get("people/" + ada + "/busy?from=" + day + "T00:00:00Z&to=" + day.plusDays(7)
                + "T00:00:00Z");
        assertEquals(200, busy.status(), busy.body());
        Map<String, Long> shown = busy.array().stream().map(v -> v.asJsonObject().getString("start"))
                .filter(starts::contains).collect(Collectors.groupingBy(start -> start, Collectors.counting()));
        System.out.println("Busy times after 5 simultaneous sync-nows on 2 instances: " + shown);
        assertEquals(starts.stream().collect(Collectors.toMap(start -> start, start -> 1L)), shown,
                "each dentist appointment once: " + busy.body());
    }

    /**
     * Learners booking an instructor's ten slots through both instances at once, three for each slot: each slot is
     * booked exactly once, and every other attempt is refused as taken. The instances decide through the lock on the
     * instructor's availability row in the shared database.
     */
    @Test
    @Order(2)
    void bookingsSentToBothInstancesAtOnceTakeEachSlotOnce() throws Exception {
        String coach = first().createInstructor("coach-" + UUID.randomUUID() + "@northwind.example", "Cluster Coach",
                "Europe/London");
        assertEquals(200, first().publishEveryDay(coach, "09:00", "19:00").status());
        Api.Reply offered = first().post("people/" + coach + "/bookable-kinds", """
                {"name":"Cluster coaching","lengthMinutes":60,"maxPerDay":20,"startEveryMinutes":60}""");
        assertEquals(201, offered.status(), offered.body());
        String kind = offered.object().getString("id");
        String learner = first().post("people", """
                {"email":"racer-%s@northwind.example","displayName":"Cluster Racer","timeZone":"Europe/London","roles":["Learner"]}"""
                .formatted(UUID.randomUUID())).object().getString("id");
        LocalDate day = DAYS.today().plusDays(5);
        ZoneId london = ZoneId.of("Europe/London");
        List<String> slots = first().get("bookable-kinds/" + kind + "/slots?from=" + day.atStartOfDay(london).toInstant()
                + "&to=" + day.plusDays(1).atStartOfDay(london).toInstant()).array().stream()
                .map(v -> v.asJsonObject().getString("start")).toList();
        assertEquals(10, slots.size(), slots.toString());

        int attempts = slots.size() * 3;
        CyclicBarrier together = new CyclicBarrier(attempts);
        ExecutorService clients = Executors.newFixedThreadPool(attempts);
        Map<Integer, Long> outcomes;
        try {
            List<Future<Integer>> replies = new ArrayList<>();
            for (int turn = 0; turn < attempts; turn++) {
                int mine = turn;
                replies.add(clients.submit(() -> {
                    together.await();
                    return api(mine).post("bookings", """
                            {"kindId":"%s","learnerId":"%s","start":"%s"}""".formatted(kind, learner,
                            slots.get(mine % slots.size()))).status();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> reply : replies) {
                statuses.add(reply.get(2, TimeUnit.MINUTES));
            }
            outcomes = statuses.stream().collect(Collectors.groupingBy(status -> status, Collectors.counting()));
        } finally {
            clients.shutdownNow();
        }
        System.out.println("Bookings of 10 slots, 30 attempts on 2 instances at once: " + outcomes);
        assertEquals(Map.of(201, 10L, 409, 20L), outcomes);
        long booked = first().get("sessions?from=" + day + "&to=" + day.plusDays(2)).array().stream()
                .map(v -> v.asJsonObject()).filter(s -> s.getString("courseTitle").equals("Cluster coaching")
                        && !s.getString("state").equals("CANCELLED")).count();
        assertEquals(10, booked);
    }

    /**
     * 200 runs, 8 at a time, each on a session of its own led by Bea, which Cal may join and two learners may
     * register for: moves, registrations, unregistrations and Cal's comings and goings sent to random instances,
     * Bea's own moves and the learners' deletes made in Radicale, and sync-now calls on random instances, without
     * waiting for the pushes in between. Once the session's pushes are done, the calendars equal what the API says,
     * and the API says what was asked last; then the session is cancelled and every event goes.
     * A failing run prints its seed; {@code -Dcluster.seed=N} replays one, {@code -Dcluster.runs=N} makes more runs.
     */
    /**
     * 20 Exchange mailboxes with streaming on: each is listened to on exactly one connection, the two instances
     * share them, and a change made in Outlook is a busy time within five seconds, whichever instance listens.
     */
    @Test
    @Order(2)
    void everyExchangeMailboxIsStreamedByExactlyOneInstance() throws Exception {
        assertEquals(200, first().useExchangeServiceAccount(EWS.url(), true).status());
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> people = new HashMap<>();
        for (int i = 0; i < MAILBOXES; i++) {
            String mailbox = "stream-" + i + "-" + suffix + "@northwind.example";
            EWS.mailbox(mailbox);
            String person = api(i).createInstructor(mailbox, "Stream " + i, "Europe/London");
            Api.Reply linked = api(i).post("people/" + person + "/calendar-accounts", "{\"provider\":\"EXCHANGE\"}");
            assertEquals(201, linked.status(), linked.body());
            people.put(mailbox, person);
            STREAMED.add(mailbox);
        }
        Collections.sort(STREAMED);
        Eventually.await("every mailbox is streamed, each on one connection", SETTLE,
                () -> EWS.streamedMailboxes().equals(STREAMED));
        Thread.sleep(6_000); // a whole upkeep later, still so: no instance opens one twice
        assertEquals(STREAMED, EWS.streamedMailboxes());
        assertEquals(2, DATABASE.count("SELECT COUNT(DISTINCT member_id) FROM change_stream_lease"), "both instances stream");
        assertEquals(MAILBOXES / 2, DATABASE.count("SELECT COUNT(*) FROM change_stream_lease GROUP BY member_id "
                + "ORDER BY 1 DESC"), "each its half");

        for (int i = 0; i < MAILBOXES; i += 7) {
            String mailbox = STREAMED.get(i);
            Instant dentist = DAYS.workdayAhead(20 + i).atTime(9, 0).toInstant(java.time.ZoneOffset.UTC);
            EWS.mailbox(mailbox).add("Dentist", dentist, dentist.plus(Duration.ofHours(1)));
            Eventually.await("the appointment in " + mailbox + " is a busy time", Duration.ofSeconds(5),
                    () -> first().get("people/" + people.get(mailbox) + "/busy?from=" + dentist.minusSeconds(60) + "&to="
                            + dentist.plusSeconds(3_600)).body().contains(dentist.toString()));
        }

        // The server is set up as Exchange 2010 before SP1: both instances move their halves to pull subscriptions,
        // still one per mailbox, and a change is heard through GetEvents.
        EWS.runningRelease(EwsSimulator.Release.EXCHANGE_2010);
        try {
            assertEquals(200, first().useExchangeServiceAccount(EWS.url(), true, "EXCHANGE_2010").status());
            Eventually.await("every mailbox on exactly one pull subscription, none streamed", SETTLE,
                    () -> EWS.pullSubscribedMailboxes().equals(STREAMED) && EWS.streamedMailboxes().isEmpty());
            String mailbox = STREAMED.get(3);
            Instant review = DAYS.workdayAhead(40).atTime(15, 0).toInstant(java.time.ZoneOffset.UTC);
            EWS.mailbox(mailbox).add("Review", review, review.plus(Duration.ofHours(1)));
            Eventually.await("the appointment in " + mailbox + " is a busy time", Duration.ofSeconds(5),
                    () -> first().get("people/" + people.get(mailbox) + "/busy?from=" + review.minusSeconds(60) + "&to="
                            + review.plusSeconds(3_600)).body().contains(review.toString()));
        } finally {
            EWS.runningRelease(EwsSimulator.Release.EXCHANGE_2016);
            first().useExchangeServiceAccount(EWS.url(), true);
        }
        Eventually.await("streamed again once the settings say 2016", SETTLE,
                () -> EWS.streamedMailboxes().equals(STREAMED) && EWS.pullSubscribedMailboxes().isEmpty());
    }

    @Test
    @Order(3)
    void randomisedInterleavingsEndWithTheCalendarsEqualToWhatTheApiSays() throws Exception {
        Cast cast = Cast.link();
        long base = Long.getLong("cluster.seed", System.nanoTime());
        int runs = System.getProperty("cluster.seed") == null ? Integer.getInteger("cluster.runs", RUNS) : 1;
        ExecutorService runners = Executors.newFixedThreadPool(RUNS_AT_ONCE);
        List<Future<RunResult>> results = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long seed = base + run;
            results.add(runners.submit(() -> new RandomRun(seed, cast).play()));
        }
        List<RunResult> done = new ArrayList<>();
        try {
            for (Future<RunResult> result : results) {
                done.add(result.get(10, TimeUnit.MINUTES));
            }
        } finally {
            runners.shutdownNow();
        }
        List<RunResult> failed = done.stream().filter(result -> !result.problems().isEmpty()).toList();
        System.out.printf("Randomised interleavings on 2 instances: %d runs, %d operations; %d reverted times, "
                + "%d duplicates, %d lost changes; failing seeds: %s%n", done.size(),
                done.stream().mapToInt(RunResult::operations).sum(),
                done.stream().mapToInt(RunResult::reverted).sum(), done.stream().mapToInt(RunResult::duplicates).sum(),
                done.stream().mapToInt(RunResult::lost).sum(), failed.stream().map(RunResult::seed).toList());
        assertEquals(List.of(), failed.stream().map(result -> "seed " + result.seed() + ": " + result.problems()).toList());
    }

    /** Bea, who leads every session, a second instructor and two learners, each with a Radicale calendar of their own. */
    private record Cast(String bea, URI beasCalendar, Attendee cal, List<Attendee> learners) {
        static Cast link() {
            URI calendar = RADICALE.createCalendar("bea", "work");
            String bea = first().createInstructor("bea@northwind.example", "Bea Random", "Europe/London");
            linkCalDav(bea, "bea");
            URI calsCalendar = RADICALE.createCalendar("rnd-cal", "work");
            String cal = first().createInstructor("rnd-cal@northwind.example", "Cal Random", "Europe/London");
            linkCalDav(cal, "rnd-cal");
            List<Attendee> learners = new ArrayList<>();
            for (String user : List.of("rnd-a", "rnd-b")) {
                URI own = RADICALE.createCalendar(user, "calendar");
                // A standing appointment of their own: a learner deleting the session's event then never empties the
                // calendar, which CalSync would rightly hold back for an admin to look at.
                RADICALE.putEvent(user, own.resolve("standing-" + user + ".ics"), OtherClient.event("standing-" + user,
                        DAYS.workdayAhead(20), 7, 8, ZoneId.of("Europe/London"), "Standing " + user));
                Api.Reply person = first().post("people", """
                        {"email":"%s@northwind.example","displayName":"Learner %s","timeZone":"Europe/London",
                         "roles":["Learner"]}""".formatted(user, user));
                assertEquals(201, person.status(), person.body());
                String id = person.object().getString("id");
                linkCalDav(id, user);
                learners.add(new Attendee(id, user, own));
            }
            return new Cast(bea, calendar, new Attendee(cal, "rnd-cal", calsCalendar), learners);
        }
    }

    /** How one randomised run ended. */
    private record RunResult(long seed, int operations, int reverted, int duplicates, int lost, List<String> problems) {
    }

    /** One randomised run on a session of its own. */
    private static final class RandomRun {
        private final long seed;
        private final Cast cast;
        private final Random random;
        private final String title;
        private final LocalDate day;
        private LocalDateTime expectedStart;
        private final Set<String> expectedLearners = new HashSet<>();
        private boolean calAssigned;
        /** Changes the API refused, with its answer: a refused change that shows up after all is the first clue. */
        private final List<String> refused = new ArrayList<>();
        private String session;

        RandomRun(long seed, Cast cast) {
            this.seed = seed;
            this.cast = cast;
            this.random = new Random(seed);
            this.title = "Random " + seed;
            this.day = DAYS.workdayAhead(60 + random.nextInt(200));
        }

        RunResult play() {
            int operations = 0;
            List<String> problems = new ArrayList<>();
            try {
                expectedStart = day.atTime(8 + random.nextInt(3), 0);
                session = createSession(anyInstance(), title, expectedStart);
                assertEquals(200, anyInstance().post("sessions/" + session + "/instructors",
                        "{\"personId\":\"" + cast.bea() + "\"}").status());
                for (int step = 0; step < 6; step++, operations++) {
                    act();
                }
                settleAndCompare(problems);
                assertEquals(200, anyInstance().post("sessions/" + session + "/cancel", "").status());
                Eventually.await("seed " + seed + ": cancelling removes every event", SETTLE,
                        () -> pushesPending() == 0 && beasEvents().isEmpty() && cast.cal().events(title).isEmpty()
                                && cast.learners().stream().allMatch(l -> l.events(title).isEmpty()));
            } catch (RuntimeException | AssertionError e) {
                problems.add(e.toString());
            }
            if (!problems.isEmpty() && !refused.isEmpty()) {
                problems.add("refused on the way: " + refused);
            }
            int reverted = (int) problems.stream().filter(p -> p.startsWith("reverted")).count();
            int duplicates = (int) problems.stream().filter(p -> p.startsWith("duplicate")).count();
            int lost = (int) problems.stream().filter(p -> p.startsWith("lost")).count();
            return new RunResult(seed, operations, reverted, duplicates, lost, problems);
        }

        private void act() {
            switch (random.nextInt(7)) {
                case 0 -> {
                    LocalDateTime start = day.atTime(8 + random.nextInt(9), random.nextInt(4) * 15);
                    Api.Reply moved = anyInstance().put("sessions/" + session, sessionJson(title, start));
                    if (moved.status() == 200) {
                        expectedStart = start;
                    } else {
                        refused.add("move to " + start + ": " + moved.status() + " " + moved.body());
                    }
                }
                case 1 -> {
                    Attendee learner = cast.learners().get(random.nextInt(2));
                    if (expectedLearners.contains(learner.id())) {
                        if (anyInstance().delete("sessions/" + session + "/registrations/" + learner.id()).status() == 200) {
                            expectedLearners.remove(learner.id());
                        }
                    } else if (anyInstance().post("sessions/" + session + "/registrations",
                            "{\"personId\":\"" + learner.id() + "\"}").status() == 200) {
                        expectedLearners.add(learner.id());
                    }
                }
                case 2 -> syncNow(cast.bea());
                case 3 -> beaMovesItHerself();
                case 4 -> changeTheSecondInstructor();
                case 5 -> learnerDeletesIt(cast.learners().get(random.nextInt(2)));
                default -> syncNow(cast.learners().get(random.nextInt(2)).id());
            }
        }

        /** Cal joins Bea on the session, or leaves it; Bea, assigned first, stays its lead. */
        private void changeTheSecondInstructor() {
            String cal = cast.cal().id();
            if (calAssigned) {
                if (anyInstance().delete("sessions/" + session + "/instructors/" + cal).status() == 200) {
                    calAssigned = false;
                }
            } else if (anyInstance().post("sessions/" + session + "/instructors", "{\"personId\":\"" + cal + "\"}")
                    .status() == 200) {
                calAssigned = true;
            }
        }

        /**
         * A registered learner deletes the session's event in their own calendar and asks for a sync. Months before
         * the session, in a two-way tenant, that takes them off it, whichever writes CalSync was making meanwhile.
         */
        private void learnerDeletesIt(Attendee learner) {
            if (!expectedLearners.contains(learner.id())) {
                return;
            }
            Optional<Map.Entry<URI, String>> found = eventOf(learner.user(), learner.calendar());
            if (found.isEmpty()) {
                return; // not pushed yet: there is nothing to delete
            }
            int status = RADICALE.send(learner.user(), "DELETE", found.get().getKey(), null, Map.of()).statusCode();
            if (status == 200 || status == 204) {
                syncNow(learner.id());
                expectedLearners.remove(learner.id());
            }
        }

        /**
         * Bea moves her event in her own calendar, then asks for a sync; she leads the session, so it moves. She
         * moves it to a time it does not show: putting it back where it is changes nothing a server can see.
         */
        private void beaMovesItHerself() {
            LocalDateTime wanted = day.atTime(8 + random.nextInt(9), random.nextInt(4) * 15);
            for (int attempt = 0; attempt < 5; attempt++) {
                Optional<Map.Entry<URI, String>> found = eventOf("bea", cast.beasCalendar());
                if (found.isEmpty()) {
                    return; // not pushed yet: she has nothing to move
                }
                var read = RADICALE.send("bea", "GET", found.get().getKey(), null, Map.of());
                String etag = read.headers().firstValue("ETag").orElse("*");
                LocalDateTime start = read.body().contains("DTSTART;TZID=Europe/London:" + FixtureDates.ical(wanted))
                        ? wanted.plusMinutes(15) : wanted;
                String moved = read.body().replaceAll("(?m)^DTSTART;TZID=Europe/London:\\S+",
                        "DTSTART;TZID=Europe/London:" + FixtureDates.ical(start)).replaceAll(
                        "(?m)^DTEND;TZID=Europe/London:\\S+", "DTEND;TZID=Europe/London:" + FixtureDates.ical(start.plusMinutes(45)));
                int status = RADICALE.send("bea", "PUT", found.get().getKey(), moved, Map.of("If-Match", etag,
                        "Content-Type", "text/calendar; charset=utf-8")).statusCode();
                if (status == 204 || status == 201) {
                    syncNow(cast.bea());
                    expectedStart = start;
                    return;
                }
                // 412: CalSync wrote it in between; she reads it again and moves that
            }
        }

        private Optional<Map.Entry<URI, String>> eventOf(String user, URI calendar) {
            return RADICALE.eventsByAddress(user, calendar).entrySet().stream()
                    .filter(event -> event.getValue().replace("\r\n ", "").contains(title)).findFirst();
        }

        private void syncNow(String personId) {
            Api.Reply reply = anyInstance().post("people/" + personId + "/sync", "");
            assertEquals(200, reply.status(), "seed " + seed + ": " + reply.body());
        }

        /** Once the pushes are done, the API says what was asked last and every calendar says what the API says. */
        private void settleAndCompare(List<String> problems) {
            String expected = FixtureDates.ical(expectedStart);
            try {
                Eventually.await("seed " + seed + ": the calendars settle", SETTLE, () -> settled(expected));
            } catch (AssertionError notSettled) {
                long pending = pushesPending();
                if (pending > 0) {
                    problems.add("stuck: " + pending + " pushes of the session still pending after " + SETTLE);
                }
                // the calendars are described below, one problem each
            }
            Api.Reply now = anyInstance().get("sessions/" + session);
            String start = now.object().getString("start");
            if (!start.equals(FixtureDates.apiAnswer(expectedStart))) {
                problems.add("reverted: the session starts " + start + ", the last change asked " + expectedStart);
            }
            compare("Bea", beasEvents(), true, expected, problems);
            compare("Cal", cast.cal().events(title), calAssigned, expected, problems);
            boolean calOnIt = now.body().contains(cast.cal().id());
            if (calOnIt != calAssigned) {
                problems.add("lost: Cal " + (calOnIt ? "is still assigned" : "is not assigned"));
            }
            for (Attendee learner : cast.learners()) {
                compare(learner.user(), learner.events(title), expectedLearners.contains(learner.id()), expected, problems);
                boolean registered = now.body().contains(learner.id());
                if (registered != expectedLearners.contains(learner.id())) {
                    problems.add("lost: " + learner.user() + (registered ? " is still registered" : " is not registered"));
                }
            }
        }

        /**
         * Every push of the session is done and every calendar shows what the API says. Without the first half, a
         * calendar passing through the final state (at 13:30, moved to 12:00, moved back to 13:30) would count as
         * settled while the last push was still on its way.
         */
        private boolean settled(String expected) {
            if (pushesPending() > 0) {
                return false;
            }
            List<String> problems = new ArrayList<>();
            compare("Bea", beasEvents(), true, expected, problems);
            compare("Cal", cast.cal().events(title), calAssigned, expected, problems);
            cast.learners().forEach(l -> compare(l.user(), l.events(title), expectedLearners.contains(l.id()), expected,
                    problems));
            return problems.isEmpty();
        }

        private static void compare(String who, List<String> events, boolean wanted, String expectedStart,
                List<String> problems) {
            if (events.size() > 1) {
                problems.add("duplicate: " + who + " has " + events.size() + " events");
            } else if (wanted && events.isEmpty()) {
                problems.add("lost: " + who + " has no event");
            } else if (!wanted && !events.isEmpty()) {
                problems.add("lost: " + who + " still has the event");
            } else if (wanted && !events.get(0).contains("DTSTART;TZID=Europe/London:" + expectedStart)) {
                problems.add("reverted: " + who + "'s event is not at " + expectedStart);
            }
        }

        private long pushesPending() {
            try {
                return DATABASE.count("SELECT COUNT(*) FROM outbox_entry WHERE state = 'PENDING' AND session_id = ?", session);
            } catch (SQLException e) {
                throw new IllegalStateException("The outbox could not be read", e);
            }
        }

        private List<String> beasEvents() {
            return RADICALE.eventsContaining("bea", cast.beasCalendar(), title);
        }

        private Api anyInstance() {
            return api(random.nextInt(2));
        }
    }

    /**
     * 300 learners, each with a calendar of their own, register for one session through both instances; one
     * instance is killed with kill -9 a third of the way in, and the client goes on with the other, as a load
     * balancer would. Within 30 s of the last registration the survivor has written exactly one event into each
     * registered learner's calendar.
     */
    @Test
    @Order(4)
    void killingAnInstanceInTheMiddleOfARegistrationBurstLosesAndDoublesNothing() throws Exception {
        String title = "Burst " + UUID.randomUUID().toString().substring(0, 6);
        LocalDateTime start = DAYS.workdayAhead(30).atTime(10, 0);
        String session = createSession(first(), title, start);
        List<Attendee> learners = linkLearners();

        CalSyncCluster.Instance victim = cluster.instances().get(0);
        AtomicInteger answered = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        Instant killedAt;
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < learners.size(); i++) {
                String learner = learners.get(i).id();
                int turn = i;
                sent.add(senders.submit(() -> {
                    cluster.postToAnyInstance(turn, "sessions/" + session + "/registrations", "{\"personId\":\"" + learner + "\"}");
                    answered.incrementAndGet();
                    return null;
                }));
            }
            Eventually.await("a third of the burst is in", SETTLE, () -> answered.get() >= BURST / 3);
            victim.kill();
            killedAt = Instant.now();
            victimKilledAt = killedAt;
            for (Future<?> one : sent) {
                one.get(120, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
        Instant allSent = Instant.now();
        // What the platform holds is the truth: a registration the victim committed before dying counts, even if its
        // answer was lost and the retry on the survivor was told the learner is already registered.
        Api survivor = cluster.instances().get(1).api();
        String registered = survivor.get("sessions/" + session).body();
        List<Attendee> expected = learners.stream().filter(learner -> registered.contains(learner.id())).toList();
        Eventually.await("every registered learner has the event", Duration.ofSeconds(45),
                () -> expected.stream().allMatch(learner -> learner.events(title).size() >= 1));
        Instant written = Instant.now();
        int events = learners.stream().mapToInt(learner -> learner.events(title).size()).sum();
        long doubled = learners.stream().filter(learner -> learner.events(title).size() > 1).count();
        Duration afterLastRequest = Duration.between(allSent, written);
        System.out.printf("Kill -9 during a burst of %d registrations: %d registered, %d events, %d learners with two;"
                + " all written %d ms after the kill and %d ms after the last registration was answered%n", BURST,
                expected.size(), events, doubled, Duration.between(killedAt, written).toMillis(),
                afterLastRequest.toMillis());
        assertEquals(BURST, expected.size(), "every registration was taken by one instance or the other");
        assertEquals(BURST, events, "one event per registered learner, none doubled or lost");
        assertTrue(afterLastRequest.compareTo(Duration.ofSeconds(30)) <= 0,
                "the survivor finished within 30 s: " + afterLastRequest);
        assertEquals(0, DATABASE.count("SELECT COUNT(*) FROM outbox_entry WHERE state = 'PENDING'"),
                "no push is left waiting");
    }

    /** A learner of the burst: their id in CalSync, and their own calendar in Radicale. */
    /** Someone on a session, with a calendar of their own in Radicale. */
    private record Attendee(String id, String user, URI calendar) {
        List<String> events(String title) {
            return RADICALE.eventsContaining(user, calendar, title);
        }
    }

    private static RadicaleServer withLearners(RadicaleServer radicale) {
        for (int i = 0; i < BURST; i++) {
            radicale.withUser("learner-" + i, "learner-" + i + "-secret");
        }
        return radicale;
    }

    /**
     * The instance killed in the burst streamed half the Exchange mailboxes: the survivor subscribed them within
     * about 30 s of the kill, and now listens to every mailbox on exactly one connection.
     */
    @Test
    @Order(5)
    void theSurvivorStreamsTheMailboxesOfTheKilledInstance() {
        Eventually.await("the survivor streams every mailbox, each once", SETTLE,
                () -> EWS.streamedMailboxes().equals(STREAMED));
        Instant lastSubscribe = EWS.requests().stream().filter(r -> r.operation().equals("Subscribe"))
                .map(EwsSimulator.Recorded::at).max(Instant::compareTo).orElseThrow();
        Duration takenOver = Duration.between(victimKilledAt, lastSubscribe);
        System.out.printf("Kill -9 of an instance streaming %d of %d Exchange mailboxes: the survivor subscribed the"
                + " last of them %d ms after the kill%n", MAILBOXES / 2, MAILBOXES, takenOver.toMillis());
        assertTrue(takenOver.compareTo(Duration.ofSeconds(35)) <= 0, "taken over within about 30 s: " + takenOver);
        String mailbox = STREAMED.get(STREAMED.size() - 1);
        Instant review = DAYS.workdayAhead(40).atTime(13, 0).toInstant(java.time.ZoneOffset.UTC);
        EWS.mailbox(mailbox).add("Review", review, review.plus(Duration.ofHours(1)));
        Api survivor = cluster.instances().get(1).api();
        String person = survivor.personId(mailbox);
        Eventually.await("a change is heard by the survivor", Duration.ofSeconds(5), () -> survivor.get("people/" + person
                + "/busy?from=" + review.minusSeconds(60) + "&to=" + review.plusSeconds(3_600)).body().contains(review.toString()));
    }

    /**
     * After the burst one instance is left. A new one joins, starts the pull of the whole tenant (some 300
     * calendars) and is killed with kill -9 as soon as it has said so: the survivor starts the job again, and asking
     * the survivor about the killed job leads to the one that replaced it, which completes.
     */
    @Test
    @Order(6)
    void aPullJobWhoseInstanceIsKilledIsStartedAgainByTheSurvivor() throws Exception {
        latecomer = CalSyncCluster.start(1, DATABASE.schema(), Map.of("CALSYNC_DEMO_DATA", "true"));
        List<CalSyncCluster.Instance> notReady = latecomer.awaitReady(Duration.ofMinutes(4));
        assertTrue(notReady.isEmpty(), () -> notReady.get(0).logTail());
        CalSyncCluster.Instance doomed = latecomer.instances().get(0);
        Api.Reply started = doomed.api().post("sync-jobs", "");
        assertEquals(202, started.status(), started.body());
        long execution = started.object().getJsonNumber("executionId").longValue();
        // At once: pulling 300 calendars from a local Radicale takes the job a few seconds only.
        doomed.kill();
        Instant killedAt = Instant.now();
        Api survivor = cluster.instances().get(1).api();
        Eventually.await("the killed job goes on elsewhere and completes", Duration.ofSeconds(90),
                () -> "COMPLETED".equals(survivor.get("sync-jobs/" + execution).object().getString("status")));
        var job = survivor.get("sync-jobs/" + execution).object();
        System.out.printf("Kill -9 of the instance running a pull job: execution %d went on as %d and completed %d ms"
                + " after the kill (%d of %d calendars)%n", execution, job.getJsonNumber("executionId").longValue(),
                Duration.between(killedAt, Instant.now()).toMillis(), job.getInt("calendarsDone"),
                job.getInt("calendarsTotal"));
        assertTrue(job.getJsonNumber("executionId").longValue() != execution, "a new execution took the work over");
        assertEquals(job.getInt("calendarsTotal"), job.getInt("calendarsDone"), "every calendar was pulled");
    }

    /** The burst's learners, each with a calendar in Radicale linked to CalSync. */
    private static List<Attendee> linkLearners() {
        List<Attendee> learners = new ArrayList<>();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < BURST; i++) {
            String user = "learner-" + i;
            URI calendar = RADICALE.createCalendar(user, "calendar");
            Api api = api(i);
            Api.Reply person = api.post("people", """
                    {"email":"%s-%s@northwind.example","displayName":"Learner %d","timeZone":"Europe/London",
                     "roles":["Learner"]}""".formatted(user, suffix, i));
            assertEquals(201, person.status(), person.body());
            String id = person.object().getString("id");
            Api.Reply linked = api.post("people/" + id + "/calendar-accounts", """
                    {"provider":"CALDAV","serverUrl":"%s","username":"%s","password":"%s"}"""
                    .formatted(RADICALE.base(), user, user + "-secret"));
            assertEquals(201, linked.status(), linked.body());
            learners.add(new Attendee(id, user, calendar));
        }
        return learners;
    }

    private static void linkCalDav(String personId, String user) {
        Api.Reply linked = first().post("people/" + personId + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"%s","password":"%s"}"""
                .formatted(RADICALE.base(), user, user + "-secret"));
        assertEquals(201, linked.status(), linked.body());
    }

    private static void syncNowOnBothAtOnce() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (CalSyncCluster.Instance instance : cluster.instances()) {
                replies.add(both.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return instance.api().post("people/" + ada + "/sync", "");
                }));
            }
            for (Future<Api.Reply> reply : replies) {
                Api.Reply answer = reply.get(120, TimeUnit.SECONDS);
                assertEquals(200, answer.status(), answer.body());
            }
        } finally {
            both.shutdownNow();
        }
    }

    /** Sessions whose event in Ada's calendar is missing, doubled or at another time than the one accepted last. */
    private static List<String> mismatches(String tag, List<String> sessions, Map<String, LocalDateTime> accepted) {
        Map<String, List<String>> startsByTitle = new HashMap<>();
        for (String event : eventsTagged(tag)) {
            String unfolded = event.replace("\r\n ", "");
            Matcher title = Pattern.compile("SUMMARY:[^\\r\\n]*(" + Pattern.quote(tag) + " #\\d+)").matcher(unfolded);
            Matcher start = LONDON_START.matcher(unfolded);
            if (title.find() && start.find()) {
                startsByTitle.computeIfAbsent(title.group(1), k -> new ArrayList<>()).add(start.group(1));
            }
        }
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            List<String> found = startsByTitle.getOrDefault(tag + " #" + i, List.of());
            String expected = FixtureDates.ical(accepted.get(sessions.get(i)));
            if (!found.equals(List.of(expected))) {
                wrong.add("#" + i + " has " + found + ", expected " + expected);
            }
        }
        return wrong;
    }

    private static List<String> eventsTagged(String tag) {
        return RADICALE.eventsContaining("ada", calendar, tag);
    }

    private static String uid(String event) {
        Matcher uid = Pattern.compile("(?m)^UID:(.*)$").matcher(event.replace("\r\n ", ""));
        return uid.find() ? uid.group(1).strip() : event;
    }

    private static String createSession(Api api, String title, LocalDateTime start) {
        Api.Reply created = api.post("sessions", sessionJson(title, start));
        assertEquals(201, created.status(), created.body());
        return created.object().getString("id");
    }

    private static String sessionJson(String title, LocalDateTime start) {
        return """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London","venue":"Room 1"}"""
                .formatted(title, FixtureDates.api(start), FixtureDates.api(start.plusMinutes(45)));
    }

    /** The instances in turn: even numbers go to the first, odd ones to the second. */
    private static Api api(int turn) {
        return cluster.api(turn);
    }

    private static Api first() {
        return api(0);
    }
}
