package org.calsync.testsupport.google;

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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stateful stand-in for the Google Calendar API v3, built from its reference: events keep their ids and
 * etags, every change advances a sequence that sync tokens point into, an expired token answers 410, and
 * requests break the rules Google enforces (a syncToken with timeMin, an id outside base32hex) get its 400.
 * Faults can be queued: 429 with or without Retry-After, 403 rateLimitExceeded, 503, malformed JSON.
 * Bodies follow the shapes of the fixtures under {@code fixtures/google}.
 */
public final class GoogleCalendarSimulator implements BeforeAllCallback, AfterAllCallback {

    private volatile boolean meet = true;
    private final AtomicInteger conferences = new AtomicInteger();

    private static final Pattern EVENTS = Pattern.compile("/calendar/v3/calendars/([^/]+)/events(?:/([^/]+))?");
    private static final Pattern EVENT_ID = Pattern.compile("[a-v0-9]{5,1024}");

    private final Map<String, SimulatedCalendar> calendars = new LinkedHashMap<>();
    private final Map<String, List<Instant[]>> freeBusyOfOthers = new HashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Set<String> refusedTokens = new HashSet<>();
    private final Set<String> seenTokens = new HashSet<>();
    private final List<String> requestLog = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final GoogleChannels channels = new GoogleChannels();
    private final GoogleBatchEndpoint batch = new GoogleBatchEndpoint();
    private int oldestValidSequence;
    private volatile Duration latency = Duration.ZERO;
    private int port;
    private HttpServer server;

    /** A fault answered instead of the next request. */
    public record Fault(int status, String retryAfter, String body, String contentType) {

        public Fault(int status, String retryAfter, String body) {
            this(status, retryAfter, body, Answer.JSON);
        }
    }

    public GoogleCalendarSimulator onPort(int port) {
        this.port = port;
        return this;
    }

    public synchronized GoogleCalendarSimulator withCalendar(String id, String summary, String accessRole) {
        calendars.put(id, new SimulatedCalendar(id, summary, accessRole));
        return this;
    }

    /** Busy times Google knows for people in the same Workspace who linked nothing to CalSync. */
    public synchronized GoogleCalendarSimulator withFreeBusy(String email, Instant start, Instant end) {
        freeBusyOfOthers.computeIfAbsent(email, e -> new ArrayList<>()).add(new Instant[] {start, end});
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
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/calendar/v3/", this::handle);
        server.createContext("/batch/calendar/v3", this::handle);
        server.start();
    }

    public void stop() {
        if (server != null) {
            server.stop(0);
            channels.stopSending();
        }
    }

    /** The API's base address, as an account stores it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/calendar/v3/";
    }

    public synchronized void failNext(Fault... queued) {
        faults.addAll(List.of(queued));
    }

    /** Every token from now on is refused with 401, as after a revocation. */
    public synchronized void refuseToken(String token) {
        refusedTokens.add(token);
    }

    /** Every access token used so far is refused from now on: the person withdrew CalSync's access. */
    public synchronized void refuseTokensSeenSoFar() {
        refusedTokens.addAll(seenTokens);
    }

    /** Sync tokens handed out so far stop working (410), as Google does after a while. */
    public synchronized void expireSyncTokens() {
        oldestValidSequence = sequence.get() + 1;
    }

    public List<String> requests() {
        return List.copyOf(requestLog);
    }

    public void clearRequests() {
        requestLog.clear();
    }

    /** Push notifications: open channels and the calls made on them. */
    /** The batch endpoint: the requests it received and the faults it answers single calls with. */
    public GoogleBatchEndpoint batch() {
        return batch;
    }

    public GoogleChannels channels() {
        return channels;
    }

    public synchronized SimulatedCalendar calendar(String id) {
        return calendars.get(id);
    }

    /** Another client (the person in Google Calendar) creates or changes an event. */
    public synchronized JsonObject putByOwner(String calendarId, JsonObject event) {
        return calendars.get(calendarId).store(event, sequence.incrementAndGet());
    }

    /**
     * Gmail adds an invitation emailed from elsewhere (CalSync's iMIP mail) to the person's calendar: an event of
     * Google's own id with the invitation's UID as iCalUID, organised by the sender, with the person as an
     * attendee who has not answered yet, and none of CalSync's properties.
     */
    public synchronized JsonObject receiveInvitation(String calendarId, String uid, String summary, Instant start,
            Instant end, String organizer) {
        return calendars.get(calendarId).store(Json.createObjectBuilder().add("summary", summary).add("iCalUID", uid)
                .add("organizer", Json.createObjectBuilder().add("email", organizer))
                .add("attendees", Json.createArrayBuilder().add(Json.createObjectBuilder().add("email", calendarId)
                        .add("self", true).add("responseStatus", "needsAction")))
                .add("start", Json.createObjectBuilder().add("dateTime", start.toString()))
                .add("end", Json.createObjectBuilder().add("dateTime", end.toString())).build(),
                sequence.incrementAndGet());
    }

    /** The person drags an event to another time in Google Calendar: same id, new times, new etag. */
    public synchronized void moveByOwner(String calendarId, String eventId, Instant start, Instant end) {
        SimulatedCalendar calendar = calendars.get(calendarId);
        JsonObject moved = Json.createObjectBuilder(calendar.find(eventId))
                .add("start", Json.createObjectBuilder().add("dateTime", start.toString()))
                .add("end", Json.createObjectBuilder().add("dateTime", end.toString())).build();
        calendar.store(moved, sequence.incrementAndGet());
    }

    /**
     * The person creates a weekly series. Listed with singleEvents, as CalSync asks, each instance is an event
     * of its own: its id is the series' id and its original start, it names the series in recurringEventId, and
     * it shares the series' iCalUID. The ids come back in the order of the weeks.
     */
    public synchronized List<String> addWeeklySeriesByOwner(String calendarId, String summary, Instant firstStart,
            Duration length, int weeks) {
        String seriesId = "series" + Integer.toString(sequence.incrementAndGet(), 32);
        DateTimeFormatter instanceSuffix = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        List<String> instances = new ArrayList<>();
        for (int week = 0; week < weeks; week++) {
            Instant start = firstStart.plus(Duration.ofDays(7L * week));
            JsonObject instance = Json.createObjectBuilder().add("id", seriesId + "_" + instanceSuffix.format(start))
                    .add("summary", summary).add("recurringEventId", seriesId).add("iCalUID", seriesId + "@google.com")
                    .add("originalStartTime", Json.createObjectBuilder().add("dateTime", start.toString()))
                    .add("start", Json.createObjectBuilder().add("dateTime", start.toString()))
                    .add("end", Json.createObjectBuilder().add("dateTime", start.plus(length).toString())).build();
            instances.add(calendars.get(calendarId).store(instance, sequence.incrementAndGet()).getString("id"));
        }
        return instances;
    }

    public synchronized void deleteByOwner(String calendarId, String eventId) {
        calendars.get(calendarId).delete(eventId, sequence.incrementAndGet());
    }

    /** Every request waits this long before it is answered, as across a network (for benchmarks). */
    public GoogleCalendarSimulator withLatency(Duration latency) {
        this.latency = latency;
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requestLog.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            if (!latency.isZero()) {
                try {
                    Thread.sleep(latency.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Answer answer;
            synchronized (this) {
                answer = answer(exchange, body);
            }
            if (answer.retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter);
            }
            if (answer.etag != null) {
                exchange.getResponseHeaders().add("ETag", answer.etag);
            }
            byte[] bytes = answer.body == null ? new byte[0] : answer.body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType);
            exchange.sendResponseHeaders(answer.status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    /** An answer; JSON unless it says otherwise. */
    record Answer(int status, String body, String etag, String retryAfter, String contentType) {

        static final String JSON = "application/json; charset=UTF-8";

        Answer(int status, String body, String etag, String retryAfter) {
            this(status, body, etag, retryAfter, JSON);
        }

        static Answer json(int status, JsonObject body) {
            return new Answer(status, body.toString(), body.getString("etag", null), null);
        }
    }

    private Answer answer(HttpExchange exchange, String body) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            seenTokens.add(auth.substring(7));
        }
        if (auth == null || !auth.startsWith("Bearer ") || auth.length() < 8 || refusedTokens.contains(auth.substring(7))) {
            return error(401, "authError", "Invalid Credentials");
        }
        if (!faults.isEmpty()) {
            Fault fault = faults.poll();
            return new Answer(fault.status(), fault.body(), null, fault.retryAfter(), fault.contentType());
        }
        String method = exchange.getRequestMethod();
        if (exchange.getRequestURI().getRawPath().equals("/batch/calendar/v3") && method.equals("POST")) {
            return batch.answer(exchange.getRequestHeaders().getFirst("Content-Type"), body, this::route);
        }
        return route(method, exchange.getRequestURI(), exchange.getRequestHeaders().getFirst("If-Match"), body);
    }

    /** One API call, past authentication and the fault queue, alone or as a part of a batch. */
    private Answer route(String method, URI uri, String ifMatch, String body) {
        String path = uri.getRawPath();
        Map<String, String> query = query(uri);
        if (path.equals("/calendar/v3/users/me/calendarList") && method.equals("GET")) {
            JsonArrayBuilder items = Json.createArrayBuilder();
            calendars.values().forEach(c -> items.add(c.listEntry()));
            return Answer.json(200, Json.createObjectBuilder().add("kind", "calendar#calendarList")
                    .add("etag", "\"p33c" + sequence.get() + "\"").add("nextSyncToken", "cl-" + sequence.get())
                    .add("items", items).build());
        }
        if (path.equals("/calendar/v3/freeBusy") && method.equals("POST")) {
            return freeBusy(parse(body));
        }
        if (path.equals("/calendar/v3/channels/stop") && method.equals("POST")) {
            try {
                channels.stop(parse(body));
                return new Answer(204, null, null, null);
            } catch (java.util.NoSuchElementException e) {
                return error(404, "notFound", e.getMessage());
            }
        }
        Matcher events = EVENTS.matcher(path);
        if (!events.matches()) {
            return error(404, "notFound", "Not Found");
        }
        SimulatedCalendar calendar = calendars.get(decode(events.group(1)));
        if (calendar == null) {
            return error(404, "notFound", "Not Found");
        }
        String eventId = events.group(2) == null ? null : decode(events.group(2));
        // "watch" is no event id: those are base32hex, which has no w.
        if ("watch".equals(eventId) && method.equals("POST")) {
            try {
                return Answer.json(200, channels.watch(parse(body), calendar, baseUrl() + "calendars/"
                        + events.group(1) + "/events?alt=json"));
            } catch (IllegalArgumentException e) {
                return error(400, "invalid", e.getMessage());
            }
        }
        if (eventId == null && method.equals("GET")) {
            return list(calendar, query);
        }
        if (eventId == null && method.equals("POST")) {
            return insert(calendar, body, query);
        }
        JsonObject current = calendar.find(eventId);
        if (current == null) {
            return error(404, "notFound", "Not Found");
        }
        if (ifMatch != null && !ifMatch.equals(current.getString("etag"))) {
            return error(412, "conditionNotMet", "Precondition Failed");
        }
        boolean deleted = "cancelled".equals(current.getString("status", ""));
        return switch (method) {
            case "GET" -> deleted ? error(404, "notFound", "Not Found") : Answer.json(200, current);
            case "PUT" -> replace(calendar, eventId, body, query);
            case "DELETE" -> {
                if (deleted) {
                    yield error(410, "deleted", "Resource has been deleted");
                }
                calendar.delete(eventId, sequence.incrementAndGet());
                yield new Answer(204, null, null, null);
            }
            default -> error(405, "methodNotAllowed", "Method not allowed");
        };
    }

    private Answer list(SimulatedCalendar calendar, Map<String, String> query) {
        String syncToken = query.get("syncToken");
        if (syncToken != null && (query.containsKey("timeMin") || query.containsKey("timeMax"))) {
            return error(400, "invalid", "Sync token is not compatible with timeMin or timeMax.");
        }
        int since = -1;
        if (syncToken != null) {
            Matcher token = Pattern.compile("st-(\\d+)").matcher(syncToken);
            if (!token.matches() || Integer.parseInt(token.group(1)) < oldestValidSequence) {
                return error(410, "fullSyncRequired", "Sync token is no longer valid, a full sync is required.");
            }
            since = Integer.parseInt(token.group(1));
        }
        Instant timeMin = query.containsKey("timeMin") ? OffsetDateTime.parse(query.get("timeMin")).toInstant() : null;
        Instant timeMax = query.containsKey("timeMax") ? OffsetDateTime.parse(query.get("timeMax")).toInstant() : null;
        boolean showDeleted = syncToken != null || "true".equals(query.get("showDeleted"));
        int pageSize = Integer.parseInt(query.getOrDefault("maxResults", "250"));
        int offset = Integer.parseInt(query.getOrDefault("pageToken", "0"));
        List<JsonObject> matching = calendar.changedSince(since, showDeleted, timeMin, timeMax);
        if (query.containsKey("iCalUID")) {
            // the search by iCalendar UID: every event (or instance) made from it
            matching = matching.stream().filter(e -> query.get("iCalUID").equals(e.getString("iCalUID", ""))).toList();
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        matching.stream().skip(offset).limit(pageSize).forEach(items::add);
        JsonObjectBuilder page = Json.createObjectBuilder().add("kind", "calendar#events")
                .add("etag", "\"p3" + sequence.get() + "\"").add("summary", calendar.summary)
                .add("updated", Instant.now().toString()).add("timeZone", "Europe/Paris")
                .add("accessRole", calendar.accessRole).add("items", items);
        if (offset + pageSize < matching.size()) {
            page.add("nextPageToken", String.valueOf(offset + pageSize));
        } else {
            page.add("nextSyncToken", "st-" + sequence.get());
        }
        return Answer.json(200, page.build());
    }

    private Answer insert(SimulatedCalendar calendar, String body, Map<String, String> query) {
        JsonObject event = parse(body);
        if (event == null || !event.containsKey("start") || !event.containsKey("end")) {
            return error(400, "required", "Missing start or end.");
        }
        String id = event.getString("id", null);
        if (id != null && !EVENT_ID.matcher(id).matches()) {
            return error(400, "invalid", "Invalid resource id value.");
        }
        if (id != null && calendar.find(id) != null) {
            return error(409, "duplicate", "The requested identifier already exists.");
        }
        try {
            // only an event that is stored gets a conference
            return Answer.json(200, calendar.store(conference(event, null, query), sequence.incrementAndGet()));
        } catch (IllegalArgumentException invalid) {
            return error(400, "invalid", invalid.getMessage());
        }
    }

    private Answer replace(SimulatedCalendar calendar, String eventId, String body, Map<String, String> query) {
        JsonObject event;
        try {
            event = conference(parse(body), calendar.find(eventId), query);
        } catch (IllegalArgumentException invalid) {
            return error(400, "invalid", invalid.getMessage());
        }
        if (event == null || !event.containsKey("start") || !event.containsKey("end")) {
            return error(400, "required", "Missing start or end.");
        }
        if (event.containsKey("id") && !eventId.equals(event.getString("id"))) {
            return error(400, "invalid", "Invalid resource id value.");
        }
        String iCalUID = calendar.find(eventId).getString("iCalUID", null);
        if (event.containsKey("iCalUID") && iCalUID != null && !iCalUID.equals(event.getString("iCalUID"))) {
            return error(400, "invalid", "Invalid iCalUID value."); // an event keeps the UID it was made with
        }
        return Answer.json(200, calendar.store(Json.createObjectBuilder(event).add("id", eventId).build(),
                sequence.incrementAndGet()));
    }

    /**
     * What Google Calendar does with conferenceData: read only from writes with conferenceDataVersion=1, where a
     * createRequest makes a Meet conference once per request id (the same request again keeps it), or fails when
     * Meet is turned off; other writes keep the conference the event had.
     */
    private JsonObject conference(JsonObject event, JsonObject before, Map<String, String> query) {
        if (event == null) {
            return null;
        }
        JsonValue had = before == null ? null : before.get("conferenceData");
        JsonObjectBuilder written = Json.createObjectBuilder(event).remove("conferenceData").remove("hangoutLink");
        boolean read = "1".equals(query.get("conferenceDataVersion"));
        JsonObject given = read && event.get("conferenceData") instanceof JsonObject data ? data : null;
        JsonObject asked = given != null && given.get("createRequest") instanceof JsonObject request ? request : null;
        if (given != null && asked == null) {
            // a conference copied from another event: kept as given, when it has what Google needs
            if (!given.containsKey("conferenceSolution") || !given.containsKey("entryPoints")) {
                throw new IllegalArgumentException("Invalid conference data.");
            }
            return written.add("conferenceData", given).build();
        }
        if (asked == null) {
            if (had instanceof JsonObject kept) {
                written.add("conferenceData", kept);
                if (before.containsKey("hangoutLink")) {
                    written.add("hangoutLink", before.getString("hangoutLink"));
                }
            }
            return written.build();
        }
        String requestId = asked.getString("requestId");
        if (had instanceof JsonObject kept && kept.get("createRequest") instanceof JsonObject earlier
                && requestId.equals(earlier.getString("requestId", "")) && before.containsKey("hangoutLink")) {
            return written.add("conferenceData", kept).add("hangoutLink", before.getString("hangoutLink")).build();
        }
        JsonObjectBuilder request = Json.createObjectBuilder().add("requestId", requestId)
                .add("conferenceSolutionKey", Json.createObjectBuilder().add("type", "hangoutsMeet"));
        if (!meet) {
            return written.add("conferenceData", Json.createObjectBuilder().add("createRequest",
                    request.add("status", Json.createObjectBuilder().add("statusCode", "failure")))).build();
        }
        int number = conferences.incrementAndGet();
        String code = String.format("abc-%04d-xyz", number);
        String uri = "https://meet.google.example/" + code;
        return written.add("hangoutLink", uri).add("conferenceData", Json.createObjectBuilder()
                .add("createRequest", request.add("status", Json.createObjectBuilder().add("statusCode", "success")))
                .add("entryPoints", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("entryPointType", "video").add("uri", uri)
                                .add("label", uri.substring("https://".length())))
                        .add(Json.createObjectBuilder().add("entryPointType", "phone").add("uri", "tel:+44-20-3957-" + number)
                                .add("label", "+44 20 3957 " + number).add("pin", "123456789")))
                .add("conferenceSolution", Json.createObjectBuilder()
                        .add("key", Json.createObjectBuilder().add("type", "hangoutsMeet")).add("name", "Google Meet"))
                .add("conferenceId", code)).build();
    }

    /** Google Meet is turned off for the accounts: conferences asked for fail, and events are written without. */
    public void withoutMeet() {
        meet = false;
    }

    /** Meet conferences created so far. */
    public int meetConferencesCreated() {
        return conferences.get();
    }

    private Answer freeBusy(JsonObject request) {
        Instant from = Instant.parse(request.getString("timeMin"));
        Instant to = Instant.parse(request.getString("timeMax"));
        JsonObjectBuilder answered = Json.createObjectBuilder();
        for (JsonValue item : request.getJsonArray("items")) {
            String email = item.asJsonObject().getString("id");
            List<Instant[]> known = freeBusyOfOthers.get(email);
            if (known == null) {
                answered.add(email, Json.createObjectBuilder().add("errors", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("domain", "global").add("reason", "notFound"))));
                continue;
            }
            JsonArrayBuilder busy = Json.createArrayBuilder();
            known.stream().filter(b -> b[0].isBefore(to) && b[1].isAfter(from)).forEach(b -> busy.add(
                    Json.createObjectBuilder().add("start", b[0].toString()).add("end", b[1].toString())));
            answered.add(email, Json.createObjectBuilder().add("busy", busy));
        }
        return Answer.json(200, Json.createObjectBuilder().add("kind", "calendar#freeBusy")
                .add("timeMin", from.toString()).add("timeMax", to.toString()).add("calendars", answered).build());
    }

    private static Answer error(int status, String reason, String message) {
        JsonObject body = Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                .add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder().add("domain", "global")
                        .add("reason", reason).add("message", message)))
                .add("code", status).add("message", message)).build();
        return new Answer(status, body.toString(), null, null);
    }

    /** A fixture from {@code fixtures/google}, as the documentation shows it. */
    public static String fixture(String name) {
        try (InputStream in = GoogleCalendarSimulator.class.getResourceAsStream("/fixtures/google/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
