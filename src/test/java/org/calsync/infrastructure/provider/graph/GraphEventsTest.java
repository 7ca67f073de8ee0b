package org.calsync.infrastructure.provider.graph;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.calsync.domain.model.calendar.TimeWindow;
import org.junit.jupiter.api.Test;

class GraphEventsTest {

    private static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2027-01-01T00:00:00Z"),
            Instant.parse("2028-01-01T00:00:00Z"));

    @Test
    void anEventThatEndsBeforeItStartsIsRefusedSoThatTheSyncLogCountsItAsSkipped() {
        JsonObject reversed = Json.createReader(new StringReader("""
                {"id":"AAMk-reversed","subject":"Backwards","showAs":"busy",
                 "start":{"dateTime":"2027-03-02T10:00:00.0000000","timeZone":"UTC"},
                 "end":{"dateTime":"2027-03-02T09:00:00.0000000","timeZone":"UTC"}}""")).readObject();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> GraphEvents.fromJson(reversed, ZoneId.of("Europe/London"), WINDOW));
        assertTrue(refused.getMessage().contains("ends before it starts"), refused.getMessage());
    }
}
