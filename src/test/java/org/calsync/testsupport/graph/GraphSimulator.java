package org.calsync.testsupport.graph;

import static org.calsync.testsupport.JsonRequests.decode;
import static org.calsync.testsupport.JsonRequests.parse;
import static org.calsync.testsupport.JsonRequests.query;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.calsync.infrastructure.provider.ical.ExchangeGlobalObjectId;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stateful stand-in for the calendar part of Microsoft Graph v1.0, built from its reference and the answers
 * under {@code fixtures/graph}: mailboxes with calendars, events that keep their ids and change keys (etags),
 * calendarView delta whose links really advance and can expire (410 SyncStateNotFound), If-Match (412),
 * extended-property and iCalUId filters, getSchedule (at most 20 people and 62 days), {@code $batch} (at most 20
 * requests), times shown in the zone the {@code Prefer: outlook.timezone} header asks for, and the mailbox
 * concurrency limit: a fifth request in flight to one mailbox is throttled (429). Requests that break the
 * documented rules get Graph's 400. Faults can be queued: 429 with or without Retry-After, 503, malformed JSON.
 */
public final class GraphSimulator implements BeforeAllCallback, AfterAllCallback {

    public static final String PUBLIC_BASE = "https://graph.microsoft.com/v1.0/";
    private static final Pattern USER = Pattern.compile("(me|users/([^/]+))/(.*)");
    private static final Pattern FILTER = Pattern.compile(
            "singleValueExtendedProperties/Any\\(ep: ep/id eq '([^']+)' and ep/value eq '((?:[^']|'')*)'\\)");
    /** iCalUId is the meeting's global object id in hex, as Graph writes it. */
    private static final Pattern ICALUID_FILTER = Pattern.compile("iCalUId eq '([0-9A-F]+)'");
    private static final Pattern PROPERTY_ID = Pattern.compile(
            "(String|Integer|Boolean|SystemTime) \\{[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}\\} Name \\w+");
    private static final Pattern SUBSCRIBED = Pattern.compile("(me|users/([^/]+))/calendars/([^/]+)/events");
    private static final Pattern TIMEZONE_PREFERENCE = Pattern.compile("outlook\\.timezone=\"([^\"]+)\"");
    private static final int MAILBOX_CONCURRENCY = 4;

    private final Map<String, Map<String, GraphCalendarStore>> mailboxes = new LinkedHashMap<>();
    private final Set<String> withoutTeams = ConcurrentHashMap.newKeySet();
    private final AtomicInteger meetings = new AtomicInteger();
    private final Map<String, List<Instant[]>> scheduleOfOthers = new HashMap<>();
    private final Map<String, String> tokenOwners = new HashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Set<String> refusedTokens = new HashSet<>();
    private final Set<String> seenTokens = new HashSet<>();
    private final List<String> requestLog = new CopyOnWriteArrayList<>();
    private final List<String> preferences = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private final GraphSubscriptions subscriptions = new GraphSubscriptions();
    private volatile Duration latency = Duration.ZERO;
    private int oldestValidSequence;
    private int port;
    private HttpServer server;
    private ExecutorService executor;

    /** A fault answered instead of the next request. */
    public record Fault(int status, String retryAfter, String body) {
    }

    public GraphSimulator onPort(int port) {
        this.port = port;
        return this;
    }

    /** A mailbox with its default calendar, named "Calendar" as Exchange names it. */
    public synchronized GraphSimulator withMailbox(String email, String defaultCalendarId) {
        mailboxes.computeIfAbsent(email.toLowerCase(), e -> new LinkedHashMap<>())
                .put(defaultCalendarId, new GraphCalendarStore(defaultCalendarId, "Calendar", true));
        return this;
    }

    public synchronized GraphSimulator withCalendar(String email, String calendarId, String name, boolean canEdit) {
        mailboxes.get(email.toLowerCase()).put(calendarId, new GraphCalendarStore(calendarId, name, canEdit));
        return this;
    }

    /** Whose mailbox {@code /me} is for this access token; without it, {@code /me} is the first mailbox. */
    public synchronized GraphSimulator signIn(String token, String email) {
        tokenOwners.put(token, email.toLowerCase());
        return this;
    }

    /** Busy times of someone in the organisation who has no calendar in CalSync. */
    public synchronized GraphSimulator withSchedule(String email, Instant start, Instant end) {
        scheduleOfOthers.computeIfAbsent(email.toLowerCase(), e -> new ArrayList<>()).add(new Instant[] {start, end});
        return this;
    }

    /** Every request waits this long before it is answered, as a distant data centre would. */
    public GraphSimulator withLatency(Duration latency) {
        this.latency = latency;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        executor = Executors.newFixedThreadPool(16);
        server.setExecutor(executor);
        server.createContext("/v1.0/", this::handle);
        server.start();
    }

    public void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            subscriptions.stop();
        }
    }

    /** Graph's base address, as an account stores it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0/";
    }

    public synchronized void failNext(Fault... queued) {
        faults.addAll(List.of(queued));
    }

    /** Every access token used so far is refused from now on: consent was withdrawn. */
    public synchronized void refuseTokensSeenSoFar() {
        refusedTokens.addAll(seenTokens);
    }

    /** Delta links handed out so far stop working (410 SyncStateNotFound). */
    public synchronized void expireDeltaLinks() {
        oldestValidSequence = sequence.incrementAndGet();
    }

    /** Method and path of every HTTP request, in order; a {@code $batch} is one request. */
    public List<String> requests() {
        return List.copyOf(requestLog);
    }

    public void clearRequests() {
        requestLog.clear();
        preferences.clear();
        mostInFlight.set(0);
    }

    /** The Prefer headers requests carried. */
    public List<String> preferHeaders() {
        return List.copyOf(preferences);
    }

    /** The most requests that were in flight to one mailbox at once. */
    public int mostInFlightToOneMailbox() {
        return mostInFlight.get();
    }

    /** Change notifications: the live subscriptions, what was posted to subscribers, lifecycle events. */
    public GraphSubscriptions subscriptions() {
        return subscriptions;
    }

    public synchronized GraphCalendarStore calendar(String email, String calendarId) {
        return mailboxes.get(email.toLowerCase()).get(calendarId);
    }

    /** The person creates or changes an event in Outlook; the body is a Graph event with its times. */
    public synchronized String putByOwner(String email, String calendarId, String eventId, JsonObject event) {
        return calendar(email, calendarId).store(eventId, event, sequence.incrementAndGet());
    }

    /**
     * Exchange adds an invitation emailed from elsewhere (CalSync's iMIP mail) to the person's calendar, as a
     * meeting they attend: its iCalUId is the global object id Exchange wraps the invitation's UID in
     * ([MS-OXCICAL] 2.1.3.1.1.20.26), and it has none of CalSync's properties.
     */
    public synchronized String receiveInvitation(String email, String calendarId, String uid, String subject,
            Instant start, Instant end, String organizer) {
        return calendar(email, calendarId).store(null, Json.createObjectBuilder().add("subject", subject)
                .add("iCalUId", ExchangeGlobalObjectId.hexOf(uid)).add("isOrganizer", false).add("showAs", "tentative")
                .add("responseStatus", Json.createObjectBuilder().add("response", "notResponded"))
                .add("organizer", Json.createObjectBuilder().add("emailAddress", Json.createObjectBuilder()
                        .add("address", organizer)))
                .add("start", utcTime(start)).add("end", utcTime(end)).build(), sequence.incrementAndGet());
    }

    /** The person moves an event in Outlook: same id, new times, new change key. */
    public synchronized void moveByOwner(String email, String calendarId, String eventId, Instant start, Instant end) {
        GraphCalendarStore calendar = calendar(email, calendarId);
        JsonObjectBuilder changes = Json.createObjectBuilder().add("start", utcTime(start)).add("end", utcTime(end));
        if ("occurrence".equals(calendar.typeOf(eventId))) {
            changes.add("type", "exception"); // a moved occurrence becomes an exception of its series
        }
        calendar.patch(eventId, changes.build(), sequence.incrementAndGet());
    }

    /**
     * The person creates a weekly series in Outlook. calendarView lists its occurrences, each with an id of its
     * own and the series master's id, never the master itself; the ids come back in the order of the weeks.
     */
    public synchronized List<String> addWeeklySeriesByOwner(String email, String calendarId, String subject,
            Instant firstStart, Duration length, int weeks) {
        GraphCalendarStore calendar = calendar(email, calendarId);
        String masterId = Base64.getEncoder().encodeToString(("AAMkAGseries-" + subject + "-" + firstStart)
                .getBytes(StandardCharsets.UTF_8));
        List<String> occurrences = new ArrayList<>();
        for (int week = 0; week < weeks; week++) {
            Instant start = firstStart.plus(Duration.ofDays(7L * week));
            occurrences.add(calendar.store(null, Json.createObjectBuilder().add("subject", subject).add("type", "occurrence")
                    .add("seriesMasterId", masterId).add("showAs", "busy").add("start", utcTime(start))
                    .add("end", utcTime(start.plus(length))).build(), sequence.incrementAndGet()));
        }
        return occurrences;
    }

    public synchronized void deleteByOwner(String email, String calendarId, String eventId) {
        calendar(email, calendarId).delete(eventId, sequence.incrementAndGet());
    }

    public static JsonObject utcTime(Instant instant) {
        return Json.createObjectBuilder().add("dateTime", GraphCalendarStore.DATE_TIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)))
                .add("timeZone", "UTC").build();
    }

    // --- the HTTP side ---

    private record Answer(int status, String body, String retryAfter) {
        static Answer json(int status, JsonObject body) {
            return new Answer(status, body.toString(), null);
        }
    }

    private record Call(String method, String path, Map<String, String> query, Map<String, String> headers, String body,
            String token) {
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            URI uri = exchange.getRequestURI();
            requestLog.add(exchange.getRequestMethod() + " " + uri);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(", ", values)));
            if (headers.containsKey("prefer")) {
                preferences.add(headers.get("prefer"));
            }
            String auth = headers.getOrDefault("authorization", "");
            String token = auth.startsWith("Bearer ") ? auth.substring(7) : null;
            Call call = new Call(exchange.getRequestMethod(), uri.getRawPath().substring("/v1.0/".length()), query(uri),
                    headers, body, token);
            Answer answer = throughMailboxLimit(call);
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    /** Counts the requests in flight to the mailbox while the (simulated) latency passes. */
    private Answer throughMailboxLimit(Call call) {
        Matcher user = USER.matcher(call.path());
        String mailbox = user.matches() ? mailboxKey(user, call.token()) : "$batch";
        AtomicInteger counter = inFlight.computeIfAbsent(mailbox, m -> new AtomicInteger());
        int now = counter.incrementAndGet();
        try {
            mostInFlight.accumulateAndGet(now, Math::max);
            sleep(latency);
            if (now > MAILBOX_CONCURRENCY && user.matches()) {
                return error(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", "1");
            }
            synchronized (this) {
                return answer(call, true);
            }
        } finally {
            counter.decrementAndGet();
        }
    }

    private String mailboxKey(Matcher user, String token) {
        if (user.group(2) != null) {
            return decode(user.group(2)).toLowerCase();
        }
        synchronized (this) {
            String owner = tokenOwners.get(token);
            return owner != null ? owner : mailboxes.keySet().stream().findFirst().orElse("");
        }
    }

    private Answer answer(Call call, boolean topLevel) {
        if (topLevel) {
            if (call.token() != null) {
                seenTokens.add(call.token());
            }
            if (call.token() == null || call.token().isBlank() || refusedTokens.contains(call.token())) {
                return error(401, "InvalidAuthenticationToken", "Access token validation failure.", null);
            }
            if (!faults.isEmpty()) {
                Fault fault = faults.poll();
                return new Answer(fault.status(), fault.body(), fault.retryAfter());
            }
        }
        if (call.path().equals("subscriptions") || call.path().startsWith("subscriptions/")) {
            return topLevel ? subscription(call) : error(400, "BadRequest", "Subscriptions are not batched here.", null);
        }
        if (call.path().equals("$batch")) {
            return topLevel && call.method().equals("POST") ? batch(call) : error(400, "BadRequest", "Nested batch.", null);
        }
        Matcher user = USER.matcher(call.path());
        if (!user.matches()) {
            return error(400, "BadRequest", "Resource not found for the segment '" + call.path() + "'.", null);
        }
        Map<String, GraphCalendarStore> mailbox = mailboxes.get(mailboxKey(user, call.token()));
        if (mailbox == null) {
            return error(404, "ErrorInvalidUser", "The requested user '" + user.group(1) + "' is invalid.", null);
        }
        String[] rest = user.group(3).split("/");
        String zone = preferredZone(call);
        boolean teams = !withoutTeams.contains(mailboxKey(user, call.token()));
        try {
            return route(call, mailbox, rest, zone, teams);
        } catch (IllegalArgumentException rejected) {
            return error(400, "ErrorInvalidRequest", rejected.getMessage(), null);
        }
    }

    private Answer route(Call call, Map<String, GraphCalendarStore> mailbox, String[] rest, String zone, boolean teams) {
        String method = call.method();
        if (rest.length == 1 && rest[0].equals("calendars") && method.equals("GET")) {
            JsonArrayBuilder value = Json.createArrayBuilder();
            mailbox.values().forEach(c -> value.add(c.listEntry()));
            return Answer.json(200, Json.createObjectBuilder().add("@odata.context", PUBLIC_BASE + "$metadata#calendars")
                    .add("value", value).build());
        }
        if (rest.length == 2 && rest[0].equals("calendar") && rest[1].equals("getSchedule") && method.equals("POST")) {
            return schedule(parse(call.body()));
        }
        if (rest.length == 2 && rest[0].equals("events")) {
            return event(call, mailbox, decode(rest[1]), zone, teams);
        }
        if (rest.length >= 3 && rest[0].equals("calendars")) {
            GraphCalendarStore calendar = mailbox.get(decode(rest[1]));
            if (calendar == null) {
                return error(404, "ErrorItemNotFound", "The specified object was not found in the store.", null);
            }
            if (rest.length == 4 && rest[2].equals("calendarView") && rest[3].equals("delta") && method.equals("GET")) {
                return delta(call, calendar, zone);
            }
            if (rest.length == 3 && rest[2].equals("events") && method.equals("GET")) {
                return findByProperty(call, calendar, zone);
            }
            if (rest.length == 3 && rest[2].equals("events") && method.equals("POST")) {
                JsonObject event = onlineMeeting(validEvent(call.body(), true), null, teams);
                String id = calendar.store(null, event, sequence.incrementAndGet());
                return Answer.json(201, calendar.render(id, zone));
            }
        }
        return error(400, "BadRequest", "Unsupported segment in " + call.method() + " " + call.path(), null);
    }

    private Answer event(Call call, Map<String, GraphCalendarStore> mailbox, String eventId, String zone, boolean teams) {
        GraphCalendarStore calendar = mailbox.values().stream().filter(c -> c.isLive(eventId)).findFirst().orElse(null);
        if (calendar == null) {
            return error(404, "ErrorItemNotFound", "The specified object was not found in the store.", null);
        }
        String ifMatch = call.headers().get("if-match");
        if (ifMatch != null && !ifMatch.equals(calendar.etagOf(eventId))) {
            return error(412, "ErrorIrresolvableConflict", "The change key passed in the request does not match the "
                    + "current change key for the item.", null);
        }
        return switch (call.method()) {
            case "GET" -> Answer.json(200, calendar.render(eventId, zone));
            case "PATCH" -> {
                calendar.patch(eventId, onlineMeeting(validEvent(call.body(), false),
                        calendar.render(eventId, "UTC"), teams), sequence.incrementAndGet());
                yield Answer.json(200, calendar.render(eventId, zone));
            }
            case "DELETE" -> {
                calendar.delete(eventId, sequence.incrementAndGet());
                yield new Answer(204, null, null);
            }
            default -> error(405, "MethodNotAllowed", "Method not allowed.", null);
        };
    }

    /** POST, PATCH and DELETE on subscriptions; creating one validates the subscriber's address first. */
    private Answer subscription(Call call) {
        try {
            if (call.path().equals("subscriptions") && call.method().equals("POST")) {
                JsonObject body = parse(call.body());
                Matcher resource = SUBSCRIBED.matcher(body == null ? "" : body.getString("resource", ""));
                if (!resource.matches()) {
                    return error(400, "InvalidRequest", "Unsupported resource for subscriptions.", null);
                }
                Map<String, GraphCalendarStore> mailbox = mailboxes.get(mailboxKey(resource, call.token()));
                GraphCalendarStore calendar = mailbox == null ? null : mailbox.get(decode(resource.group(3)));
                if (calendar == null) {
                    return error(404, "ErrorItemNotFound", "The specified object was not found in the store.", null);
                }
                return Answer.json(201, subscriptions.create(body, calendar));
            }
            String id = decode(call.path().substring("subscriptions/".length()));
            return switch (call.method()) {
                case "PATCH" -> Answer.json(200, subscriptions.extend(id, parse(call.body())));
                case "DELETE" -> {
                    subscriptions.delete(id);
                    yield new Answer(204, null, null);
                }
                default -> error(405, "MethodNotAllowed", "Method not allowed.", null);
            };
        } catch (IllegalArgumentException rejected) {
            return error(400, "InvalidRequest", rejected.getMessage(), null);
        } catch (java.util.NoSuchElementException gone) {
            return error(404, "ResourceNotFound", gone.getMessage(), null);
        }
    }

    /**
     * What Graph does with {@code isOnlineMeeting} and {@code onlineMeetingProvider: teamsForBusiness}: a mailbox
     * that can hold Teams meetings gets one, with its join address in {@code onlineMeeting}, and keeps it while the
     * event is updated; one without a Teams licence gets the event without a meeting, and no error.
     */
    private JsonObject onlineMeeting(JsonObject event, JsonObject before, boolean teams) {
        boolean asked = event.getBoolean("isOnlineMeeting", false)
                && "teamsForBusiness".equals(event.getString("onlineMeetingProvider", ""));
        if (!asked) {
            return event;
        }
        if (!teams) {
            return Json.createObjectBuilder(event).add("isOnlineMeeting", false)
                    .add("onlineMeetingProvider", "unknown").addNull("onlineMeeting").build();
        }
        JsonValue kept = before == null ? null : before.get("onlineMeeting");
        JsonObject meeting = kept instanceof JsonObject existing ? existing : Json.createObjectBuilder()
                .add("joinUrl", "https://teams.microsoft.example/l/meetup-join/19%3ameeting_"
                        + meetings.incrementAndGet() + "%40thread.v2/0")
                .add("conferenceId", String.valueOf(100_000 + meetings.get()))
                .add("tollNumber", "+44 20 3855 0000").build();
        return Json.createObjectBuilder(event).add("onlineMeeting", meeting).build();
    }

    /** The mailbox has no Teams licence: Graph writes its events without the meetings they ask for. */
    public synchronized void withoutTeams(String email) {
        withoutTeams.add(email.toLowerCase());
    }

    /** Teams meetings created so far. */
    public int teamsMeetingsCreated() {
        return meetings.get();
    }

    /** Refuses an event body Graph would refuse: missing or unreadable times, unknown zones, bad property ids. */
    private static JsonObject validEvent(String body, boolean create) {
        JsonObject event = parse(body);
        if (event == null) {
            throw new IllegalArgumentException("Unable to read JSON request payload.");
        }
        for (String which : List.of("start", "end")) {
            if (!event.containsKey(which) && !create) {
                continue;
            }
            JsonObject time = event.getJsonObject(which);
            if (time == null || !time.containsKey("dateTime") || !time.containsKey("timeZone")) {
                throw new IllegalArgumentException("Property " + which + " needs dateTime and timeZone.");
            }
            GraphCalendarStore.instant(time);
        }
        if (event.containsKey("singleValueExtendedProperties")) {
            for (JsonValue property : event.getJsonArray("singleValueExtendedProperties")) {
                if (!PROPERTY_ID.matcher(property.asJsonObject().getString("id", "")).matches()) {
                    throw new IllegalArgumentException("The property id is not valid: " + property);
                }
            }
        }
        return event;
    }

    private Answer findByProperty(Call call, GraphCalendarStore calendar, String zone) {
        String query = call.query().getOrDefault("$filter", "");
        Matcher filter = FILTER.matcher(query);
        Matcher byICalUId = ICALUID_FILTER.matcher(query);
        List<JsonObject> found;
        if (filter.matches()) {
            found = calendar.withProperty(filter.group(1), filter.group(2).replace("''", "'"), zone);
        } else if (byICalUId.matches()) {
            found = calendar.withICalUId(byICalUId.group(1), zone);
        } else {
            return error(400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.", null);
        }
        JsonArrayBuilder value = Json.createArrayBuilder();
        found.forEach(e ->
                value.add(Json.createObjectBuilder().add("@odata.etag", e.getString("@odata.etag")).add("id", e.getString("id"))));
        return Answer.json(200, Json.createObjectBuilder().add("@odata.context", PUBLIC_BASE + "$metadata#events(id)")
                .add("value", value).build());
    }

    /**
     * calendarView delta. Tokens name the change the read started from and the window:
     * {@code $skiptoken=since.upTo.offset.from.to} between pages, {@code $deltatoken=upTo.from.to} at the end.
     */
    private Answer delta(Call call, GraphCalendarStore calendar, String zone) {
        Map<String, String> query = call.query();
        int since;
        int upTo;
        int offset = 0;
        Instant from;
        Instant to;
        if (query.containsKey("$deltatoken") || query.containsKey("$skiptoken")) {
            String[] token = (query.containsKey("$deltatoken") ? query.get("$deltatoken") : query.get("$skiptoken")).split("\\.");
            boolean skip = query.containsKey("$skiptoken");
            since = Integer.parseInt(token[0]);
            if (!skip && since < oldestValidSequence) {
                return error(410, "SyncStateNotFound", "The sync state generation was not found.", null);
            }
            upTo = skip ? Integer.parseInt(token[1]) : sequence.get();
            offset = skip ? Integer.parseInt(token[2]) : 0;
            from = Instant.ofEpochSecond(Long.parseLong(token[skip ? 3 : 1]));
            to = Instant.ofEpochSecond(Long.parseLong(token[skip ? 4 : 2]));
        } else {
            if (!query.containsKey("startDateTime") || !query.containsKey("endDateTime")) {
                return error(400, "ErrorInvalidParameter", "This request requires a time window specified by the query "
                        + "string parameters StartDateTime and EndDateTime.", null);
            }
            since = -1;
            upTo = sequence.get();
            from = Instant.parse(query.get("startDateTime"));
            to = Instant.parse(query.get("endDateTime"));
        }
        int pageSize = pageSize(call);
        List<JsonObject> changes = calendar.changes(since, upTo, from, to, zone);
        JsonArrayBuilder value = Json.createArrayBuilder();
        changes.stream().skip(offset).limit(pageSize).forEach(value::add);
        String link = baseUrl() + call.path() + "?";
        JsonObjectBuilder page = Json.createObjectBuilder().add("@odata.context", PUBLIC_BASE + "$metadata#Collection(event)")
                .add("value", value);
        if (offset + pageSize < changes.size()) {
             page.add("@odata.nextLink", link + "$skiptoken=" + since + "." + upTo + "." + (offset + pageSize)
                    + "." + from.getEpochSecond() + "." + to.getEpochSecond());
        } else {
            page.add("@odata.deltaLink", link + "$deltatoken=" + upTo + "." + from.getEpochSecond() + "." + to.getEpochSecond());
        }
        return Answer.json(200, page.build());
    }

    private static int pageSize(Call call) {
        Matcher size = Pattern.compile("odata\\.maxpagesize=(\\d+)").matcher(call.headers().getOrDefault("prefer", ""));
        return size.find() ? Integer.parseInt(size.group(1)) : 10;
    }

    private Answer schedule(JsonObject request) {
        if (request == null || !request.containsKey("schedules")) {
            return error(400, "ErrorInvalidRequest", "schedules is required.", null);
        }
        if (request.getJsonArray("schedules").size() > 20) {
            return error(400, "ErrorInvalidRequest", "The number of schedules exceeds the limit of 20.", null);
        }
        Instant from = GraphCalendarStore.instant(request.getJsonObject("startTime"));
        Instant to = GraphCalendarStore.instant(request.getJsonObject("endTime"));
        if (Duration.between(from, to).compareTo(Duration.ofDays(62)) > 0) {
            return error(400, "ErrorInvalidTimeInterval", "The requested time duration is too long. The maximum is 62 days.",
                    null);
        }
        JsonArrayBuilder value = Json.createArrayBuilder();
        for (JsonValue schedule : request.getJsonArray("schedules")) {
            String email = ((jakarta.json.JsonString) schedule).getString();
            List<Instant[]> busy = busyOf(email.toLowerCase(), from, to);
            if (busy == null) {
                value.add(Json.createObjectBuilder().add("scheduleId", email).add("availabilityView", "")
                        .add("error", Json.createObjectBuilder().add("message", "The user or resource is not found.")
                                .add("responseCode", "ErrorMailRecipientNotFound"))
                        .add("scheduleItems", Json.createArrayBuilder()));
                continue;
            }
            JsonArrayBuilder items = Json.createArrayBuilder();
            busy.forEach(b -> items.add(Json.createObjectBuilder().add("isPrivate", false).add("status", "busy")
                    .add("start", utcTime(b[0])).add("end", utcTime(b[1]))));
            value.add(Json.createObjectBuilder().add("scheduleId", email).add("availabilityView", "")
                    .add("scheduleItems", items));
        }
        return Answer.json(200, Json.createObjectBuilder().add("value", value).build());
    }

    private List<Instant[]> busyOf(String email, Instant from, Instant to) {
        if (scheduleOfOthers.containsKey(email)) {
            return scheduleOfOthers.get(email).stream().filter(b -> b[0].isBefore(to) && b[1].isAfter(from)).toList();
        }
        Map<String, GraphCalendarStore> mailbox = mailboxes.get(email);
        if (mailbox == null) {
            return null;
        }
        return mailbox.values().stream().flatMap(c -> c.busyBetween(from, to).stream()).toList();
    }

    /** JSON batching: each request is answered as if sent alone (without the fault queue), in order. */
    private Answer batch(Call call) {
        JsonObject batch = parse(call.body());
        if (batch == null || !batch.containsKey("requests")) {
            return error(400, "BadRequest", "Invalid batch payload format.", null);
        }
        if (batch.getJsonArray("requests").size() > 20) {
            return error(400, "BadRequest", "Number of batch requests exceeds limit of 20.", null);
        }
        JsonArrayBuilder responses = Json.createArrayBuilder();
        for (JsonValue value : batch.getJsonArray("requests")) {
            JsonObject request = value.asJsonObject();
            String url = request.getString("url", "");
            if (!url.startsWith("/") || request.getString("id", "").isEmpty()) {
                return error(400, "BadRequest", "Each request needs an id and a url relative to the version.", null);
            }
            URI relative = URI.create("http://batch" + url);
            Map<String, String> headers = new HashMap<>(call.headers());
            if (request.containsKey("headers")) {
                request.getJsonObject("headers").forEach((k, v) -> headers.put(k.toLowerCase(), ((jakarta.json.JsonString) v).getString()));
            }
            Answer answer = answer(new Call(request.getString("method"), relative.getRawPath().substring(1), query(relative),
                    headers, request.containsKey("body") ? request.get("body").toString() : null, call.token()), false);
            JsonObjectBuilder response = Json.createObjectBuilder().add("id", request.getString("id"))
                    .add("status", answer.status());
            if (answer.body() != null) {
                response.add("body", parse(answer.body()));
            }
            responses.add(response);
        }
        return Answer.json(200, Json.createObjectBuilder().add("responses", responses).build());
    }

    private static String preferredZone(Call call) {
        Matcher zone = TIMEZONE_PREFERENCE.matcher(call.headers().getOrDefault("prefer", ""));
        return zone.find() ? zone.group(1) : "UTC";
    }

    private static Answer error(int status, String code, String message, String retryAfter) {
        return new Answer(status, Json.createObjectBuilder().add("error", Json.createObjectBuilder().add("code", code)
                .add("message", message).add("innerError", Json.createObjectBuilder()
                        .add("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())))
                .build().toString(), retryAfter);
    }

    private static void sleep(Duration duration) {
        if (!duration.isZero()) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A fixture from {@code fixtures/graph}, its links pointed at this simulator. */
    public String fixture(String name) {
        try (InputStream in = GraphSimulator.class.getResourceAsStream("/fixtures/graph/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(PUBLIC_BASE, baseUrl());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
