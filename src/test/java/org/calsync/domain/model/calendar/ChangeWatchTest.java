package org.calsync.domain.model.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.TenantId;
import org.junit.jupiter.api.Test;

class ChangeWatchTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    private static ChangeWatch watchExpiringAt(Instant expiry) {
        return new ChangeWatch(new TenantId("t-1"), "account-1", "calendar-1", CalendarProviderType.GOOGLE, "cipher",
                new WatchGrant("channel-1", "resource-1", expiry), NOW);
    }

    @Test
    void aWatchIsRenewedOnceLessThanTheMarginIsLeftAndNotBefore() {
        ChangeWatch watch = watchExpiringAt(NOW.plus(Duration.ofDays(3)));

        assertFalse(watch.renewalDue(NOW, DAY));
        assertFalse(watch.renewalDue(NOW.plus(Duration.ofHours(47)), DAY));
        assertTrue(watch.renewalDue(NOW.plus(Duration.ofHours(48)), DAY), "exactly the margin left");
        assertTrue(watch.renewalDue(NOW.plus(Duration.ofDays(4)), DAY), "an expired one is renewed too");
        assertTrue(watch.expired(NOW.plus(Duration.ofDays(3))));
        assertFalse(watch.expired(NOW.plus(Duration.ofHours(71))));
    }

    @Test
    void aRenewalMayMoveTheWatchToANewIdAndClearsTheLastProblem() {
        ChangeWatch watch = watchExpiringAt(NOW.plus(DAY));
        watch.renewalFailed("Google Calendar could not watch a calendar (HTTP 503)");

        watch.renewed(new WatchGrant("channel-2", "resource-1", NOW.plus(Duration.ofDays(7))));

        assertEquals("channel-2", watch.grant().remoteId());
        assertEquals(NOW.plus(Duration.ofDays(7)), watch.expiresAt());
        assertNull(watch.problem());
        assertFalse(watch.renewalDue(NOW, DAY));
    }
}
