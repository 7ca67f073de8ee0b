package org.calsync.domain.model.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.tenant.TenantId;
import org.junit.jupiter.api.Test;

class OutboxEntryTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");

    private static OutboxEntry entry() {
        return new OutboxEntry(new TenantId("t1"), "session-1", "person-1");
    }

    @Test
    void backsOffExponentiallyUpToAnHour() {
        OutboxEntry entry = entry();
        long[] expectedSeconds = {5, 10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600};
        for (long seconds : expectedSeconds) {
            entry.failed(FailureKind.BUSY, "HTTP 503", null, NOW);
            assertEquals(NOW.plusSeconds(seconds), entry.nextAttemptAt(), "after " + entry.attempts() + " attempts");
        }
        assertEquals(OutboxState.PENDING, entry.state());
    }

    @Test
    void aDelayTheProviderAsksForWinsButNeverBeyondAnHour() {
        OutboxEntry entry = entry();
        entry.failed(FailureKind.BUSY, "throttled", Duration.ofSeconds(42), NOW);
        assertEquals(NOW.plusSeconds(42), entry.nextAttemptAt());
        entry.failed(FailureKind.BUSY, "throttled", Duration.ofHours(5), NOW);
        assertEquals(NOW.plus(Duration.ofHours(1)), entry.nextAttemptAt());
    }

    @Test
    void givesUpAfterTheLastAttemptAndKeepsTheReason() {
        OutboxEntry entry = entry();
        Instant at = NOW;
        for (int attempt = 1; attempt < OutboxEntry.MAX_ATTEMPTS; attempt++) {
            entry.failed(FailureKind.BUSY, "HTTP 500", null, at);
            assertEquals(OutboxState.PENDING, entry.state(), "attempt " + attempt);
            at = entry.nextAttemptAt();
        }
        Duration retriedFor = Duration.between(NOW, at);
        assertTrue(retriedFor.compareTo(Duration.ofHours(10)) > 0 && retriedFor.compareTo(Duration.ofHours(12)) < 0,
                "retries span most of a day: " + retriedFor);
        entry.failed(FailureKind.BUSY, "HTTP 500 again", null, at);
        assertEquals(OutboxState.DEAD, entry.state());
        assertEquals("HTTP 500 again", entry.lastError());
    }

    @Test
    void anAdminsRetryStartsAFreshCountAndAReconnectMakesItDueAtOnce() {
        OutboxEntry entry = entry();
        for (int attempt = 0; attempt < OutboxEntry.MAX_ATTEMPTS; attempt++) {
            entry.failed(FailureKind.OTHER, "refused", null, NOW);
        }
        assertEquals(OutboxState.DEAD, entry.state());
        entry.dueNow();
        assertEquals(OutboxState.DEAD, entry.state(), "a dead entry waits for an admin");

        entry.retryNow();
        assertEquals(OutboxState.PENDING, entry.state());
        assertEquals(0, entry.attempts());

        entry.failed(FailureKind.SIGN_IN, "HTTP 401", Duration.ofHours(1), Instant.now());
        assertTrue(entry.nextAttemptAt().isAfter(Instant.now().plusSeconds(3000)));
        entry.dueNow();
        assertTrue(!entry.nextAttemptAt().isAfter(Instant.now()), "due at once after reconnecting");
        assertEquals(1, entry.attempts(), "the attempt still counts");
    }
}
