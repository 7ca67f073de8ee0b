package org.calsync.infrastructure.provider.graph;

import static java.time.temporal.ChronoUnit.DAYS;
import static org.calsync.infrastructure.provider.graph.GraphErrors.RULES;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.TimeWindow;

/** The organisation's free/busy through getSchedule, for people whether or not they linked a calendar. */
final class GraphSchedule {

    /** getSchedule answers for at most 62 days and 20 people per request. */
    static final int SCHEDULE_DAYS = 62;
    static final int SCHEDULE_PEOPLE = 20;

    private final GraphCalls graph;

    GraphSchedule(GraphCalls graph) {
        this.graph = graph;
    }

    /**
     * Busy times from getSchedule, which answers for whole chunks of people (20) and days (62) at once,
     * including people who never linked a calendar; someone outside the organisation comes back with an
     * error and is left out.
     */
    Map<String, List<BusyInterval>> freeBusy(List<String> emails, TimeWindow window) {
        Map<String, List<BusyInterval>> busy = new HashMap<>();
        URI schedule = graph.uri(graph.user() + "/calendar/getSchedule", Map.of());
        for (int from = 0; from < emails.size(); from += SCHEDULE_PEOPLE) {
            List<String> people = emails.subList(from, Math.min(emails.size(), from + SCHEDULE_PEOPLE));
            Map<String, List<BusyInterval>> found = new LinkedHashMap<>();
            for (Instant start = window.from(); start.isBefore(window.to()); start = start.plus(SCHEDULE_DAYS, DAYS)) {
                Instant end = min(start.plus(SCHEDULE_DAYS, DAYS), window.to());
                String request = scheduleRequest(people, start, end);
                JsonObject answer = RULES.succeeded(graph.send("POST", schedule, request, Map.of()), "read free/busy")
                        .json();
                for (JsonValue value : GraphCalls.values(answer)) {
                    JsonObject person = value.asJsonObject();
                    if (!person.containsKey("error") && person.containsKey("scheduleId")) {
                        List<BusyInterval> times = found.computeIfAbsent(person.getString("scheduleId").toLowerCase(),
                                k -> new ArrayList<>());
                        times.addAll(scheduleItems(person, graph.connection().ownerZone()));
                    }
                }
            }
            for (String email : people) {
                List<BusyInterval> times = found.get(email.toLowerCase());
                if (times != null) {
                    busy.put(email, times);
                }
            }
        }
        return busy;
    }

    private static String scheduleRequest(List<String> people, Instant start, Instant end) {
        JsonArrayBuilder schedules = Json.createArrayBuilder();
        people.forEach(schedules::add);
        return Json.createObjectBuilder().add("schedules", schedules)
                .add("startTime", GraphEvents.time(start, ZoneOffset.UTC))
                .add("endTime", GraphEvents.time(end, ZoneOffset.UTC))
                .add("availabilityViewInterval", 60).build().toString();
    }

    /** Tentative, busy, out-of-office and unknown block time; free and working elsewhere do not. */
    private static List<BusyInterval> scheduleItems(JsonObject person, ZoneId ownerZone) {
        List<BusyInterval> times = new ArrayList<>();
        if (!person.containsKey("scheduleItems")) {
            return times;
        }
        for (JsonObject item : person.getJsonArray("scheduleItems").getValuesAs(JsonObject.class)) {
            String status = item.getString("status", "busy");
            if (!"free".equals(status) && !"workingElsewhere".equals(status)) {
                Instant start = GraphEvents.instant(item.getJsonObject("start"), false, ownerZone, "start");
                Instant end = GraphEvents.instant(item.getJsonObject("end"), false, ownerZone, "end");
                times.add(new BusyInterval(start, end, isWholeDays(start, end, ownerZone)));
            }
        }
        return times;
    }

    private static boolean isWholeDays(Instant start, Instant end, ZoneId ownerZone) {
        LocalDate first = LocalDate.ofInstant(start, ownerZone);
        return first.atStartOfDay(ownerZone).toInstant().equals(start)
                && LocalDate.ofInstant(end, ownerZone).atStartOfDay(ownerZone).toInstant().equals(end)
                && end.isAfter(start);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
