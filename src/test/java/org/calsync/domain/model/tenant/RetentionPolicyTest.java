package org.calsync.domain.model.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.calsync.domain.shared.FieldError;
import org.calsync.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    @Test
    void busyTimesAndTheLogAreKeptForTheirDaysAndTheLogForAtLeastTheDashboardsWeek() {
        RetentionPolicy policy = new RetentionPolicy(30, 90);
        Instant now = Instant.parse("2027-03-01T03:20:00Z");
        assertEquals(Instant.parse("2027-01-30T03:20:00Z"), policy.busyTimesEndedBefore(now));
        assertEquals(Instant.parse("2026-12-01T03:20:00Z"), policy.syncLogBefore(now));
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> new RetentionPolicy(0, 6));
        assertEquals(List.of("busyRetentionDays", "logRetentionDays"), refused.errors().stream().map(FieldError::field).toList());
        assertEquals("Keep them between 7 and 3650 days.", refused.errors().get(1).message());
    }
}
