package org.calsync.domain.model.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;

import org.calsync.domain.model.person.Invitation.State;
import org.calsync.domain.model.tenant.TenantId;
import org.junit.jupiter.api.Test;

class InvitationTest {

    private static final Instant SENT = Instant.parse("2026-11-21T09:00:00Z");

    private static Invitation sent() {
        return Invitation.issue(new TenantId("t1"), "p1", "Admin", SENT, Duration.ofDays(14)).invitation();
    }

    @Test
    void aLinkWorksOnceUntilItExpires() {
        Invitation invitation = sent();
        assertEquals(State.PENDING, invitation.state(SENT.plus(Duration.ofDays(13))));
        assertEquals(State.EXPIRED, invitation.state(SENT.plus(Duration.ofDays(14))));
        assertThrows(IllegalStateException.class, () -> invitation.accept(SENT.plus(Duration.ofDays(15))));

        Invitation used = sent();
        used.accept(SENT.plus(Duration.ofHours(1)));
        assertEquals(State.ACCEPTED, used.state(SENT.plus(Duration.ofDays(30))), "used stays used, never expired");
        assertThrows(IllegalStateException.class, () -> used.accept(SENT.plus(Duration.ofHours(2))));
    }

    @Test
    void aNewerInvitationReplacesOnlyAPendingOne() {
        Invitation pending = sent();
        pending.replace(SENT.plus(Duration.ofDays(1)));
        assertEquals(State.REPLACED, pending.state(SENT.plus(Duration.ofDays(1))));
        assertThrows(IllegalStateException.class, () -> pending.accept(SENT.plus(Duration.ofDays(2))));

        Invitation used = sent();
        used.accept(SENT.plus(Duration.ofHours(1)));
        used.replace(SENT.plus(Duration.ofDays(1)));
        assertEquals(State.ACCEPTED, used.state(SENT.plus(Duration.ofDays(1))));
    }
}
