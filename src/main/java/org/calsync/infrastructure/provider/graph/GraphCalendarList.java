package org.calsync.infrastructure.provider.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.calsync.domain.model.calendar.RemoteCalendar;

/** The calendars of the mailbox, and whether each can be written. */
final class GraphCalendarList {

    private final GraphCalls graph;

    GraphCalendarList(GraphCalls graph) {
        this.graph = graph;
    }

    List<RemoteCalendar> calendars() {
        List<RemoteCalendar> calendars = new ArrayList<>();
        for (JsonObject calendar : graph.everyPage(graph.uri(graph.user() + "/calendars",
                Map.of("$select", "id,name,canEdit,isDefaultCalendar")), "list calendars")) {
            calendars.add(new RemoteCalendar(calendar.getString("id"),
                    calendar.getString("name", calendar.getString("id")), calendar.getBoolean("canEdit", false), true));
        }
        return calendars;
    }
}
