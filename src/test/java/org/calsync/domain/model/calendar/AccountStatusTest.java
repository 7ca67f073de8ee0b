package org.calsync.domain.model.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.PrivacyMode;
import org.calsync.domain.model.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** Which news about an account wins when a success and a refusal cross. */
class AccountStatusTest {

    private final CalendarAccount account = new CalendarAccount(new TenantId("northwind"), "person-1",
            CalendarProviderType.MICROSOFT_365, URI.create("https://graph.microsoft.com/v1.0"), "ana@northwind.example",
            "cipher", PrivacyMode.DEFAULT, List.of());

    @Test
    void aSuccessAskedBeforeARefusalWasSeenLeavesTheRefusalStanding() throws InterruptedException {
        Instant pushAsked = Instant.now();
        Thread.sleep(2); // the pull's refusal is recorded strictly later
        assertTrue(account.markNeedsReconsent("Microsoft 365 refused the token"), "the owner is told once");

        account.markWorking(pushAsked);

        assertEquals(AccountStatus.NEEDS_RECONSENT, account.status());
        assertEquals(FailureKind.SIGN_IN, account.statusKind());
        assertEquals("Microsoft 365 refused the token", account.statusMessage());
        assertFalse(account.markNeedsReconsent("refused again"), "so the next refusal tells nobody again");
    }

    @Test
    void aSuccessAskedAfterTheProblemWasSeenClearsIt() throws InterruptedException {
        account.markError(FailureKind.UNREACHABLE, "Exchange did not answer");
        Thread.sleep(2);

        assertEquals(FailureKind.UNREACHABLE, account.statusKind());

        account.markWorking(Instant.now());

        assertEquals(AccountStatus.CONNECTED, account.status());
        assertEquals(null, account.statusMessage());
        assertEquals(null, account.statusKind());
    }

    @Test
    void aProblemSeenAgainCountsFromTheLatestSighting() throws InterruptedException {
        account.markError(FailureKind.UNREACHABLE, "first outage");
        Instant asked = Instant.now();
        Thread.sleep(2);
        account.markError(FailureKind.UNREACHABLE, "second outage");

        account.markWorking(asked);

        assertEquals("second outage", account.statusMessage());
    }

    @Test
    void reconnectingAlwaysClearsAndARemovalIsNeverUndone() {
        account.markNeedsReconsent("refused");
        account.reconnect("new-cipher");
        assertEquals(AccountStatus.CONNECTED, account.status());

        account.beginRemoval();
        account.markWorking(Instant.now().plusSeconds(60));
        assertTrue(account.beingRemoved());
    }
}
