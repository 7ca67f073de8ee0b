package org.calsync.infrastructure.provider.google;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.calsync.domain.model.calendar.TimeWindow;
import org.junit.jupiter.api.Test;

class GoogleEventsTest {

    private static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2027-01-01T00:00:00Z"),
            Instant.parse("2028-01-01T00:00:00Z"));

    @Test
    void anEventThatEndsBeforeItStartsIsRefusedSoThatTheSyncLogCountsItAsSkipped() {
        JsonObject reversed = Json.createReader(new StringReader("""
                {"id":"reversed1","summary":"Backwards",
                 "start":{"dateTime":"2027-03-02T10:00:00Z"},
                 "end":{"dateTime":"2027-03-02T09:00:00Z"}}""")).readObject();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> GoogleEvents.fromJson(reversed, ZoneId.of("Europe/London"), WINDOW));
        assertTrue(refused.getMessage().contains("ends before it starts"), refused.getMessage());
    }
}
