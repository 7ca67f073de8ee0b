package org.calsync.interfaces.facade.dto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SyncJobViewTest {

    private static SyncJobView ended(String status, String exitStatus) {
        return new SyncJobView(7, status, exitStatus, null, null, 1, 1);
    }

    @Test
    void theExitStatusCountsComeInTheirOrder() {
        Map<String, Integer> counts = ended("COMPLETED", "OK=12 PARTIAL=1 FAILED=2").outcomeCounts();

        assertEquals(List.of("OK", "PARTIAL", "FAILED"), List.copyOf(counts.keySet()));
        assertEquals(List.of(12, 1, 2), List.copyOf(counts.values()));
    }

    @Test
    void aJobThatReadNoCalendarCountedNothing() {
        // The batch runtime's own exit status, when no writer ever set one.
        assertEquals(Map.of(), ended("COMPLETED", "COMPLETED").outcomeCounts());
        assertEquals(Map.of(), ended("STARTED", null).outcomeCounts());
        assertEquals(Map.of(), ended("COMPLETED", "").outcomeCounts());
    }

    @Test
    void onlyAFinishedJobIsAtAHundredPercent() {
        assertEquals(100, ended("COMPLETED", "OK=1").percent());
        assertTrue(ended("FAILED", null).finished());
        assertFalse(ended("FAILED", null).completed());
        assertEquals(99, new SyncJobView(7, "STARTED", null, null, null, 3, 3).percent());
        assertEquals(0, new SyncJobView(7, "STARTING", null, null, null, 0, 0).percent());
    }
}
