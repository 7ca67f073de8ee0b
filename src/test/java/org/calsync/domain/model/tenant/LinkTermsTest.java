package org.calsync.domain.model.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.calsync.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class LinkTermsTest {

    private static final TenantId TENANT = new TenantId("t1");
    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
    private static final Instant TUESDAY = MONDAY.plusSeconds(86_400);

    @Test
    void anAcceptanceCountsForTheVersionAcceptedOnlyAndAChangedTextIsAcceptedAgain() {
        LinkTerms terms = new LinkTerms(TENANT, "  We write your sessions into your calendar.\n", MONDAY);
        assertEquals("We write your sessions into your calendar.", terms.text());
        LinkTermsAcceptance accepted = new LinkTermsAcceptance("p1", terms, MONDAY.plusSeconds(60));
        assertTrue(terms.acceptedIn(accepted));
        assertFalse(terms.acceptedIn(null));

        terms.change("We write your sessions into your calendar.  ", TUESDAY);
        assertEquals(MONDAY, terms.changedAt(), "the same text, spaced differently, is no new version");
        assertTrue(terms.acceptedIn(accepted));

        terms.change("We write your sessions and read when you are busy.", TUESDAY);
        assertEquals(TUESDAY, terms.changedAt());
        assertFalse(terms.acceptedIn(accepted), "a new version is accepted again");
        accepted.accept(terms, TUESDAY.plusSeconds(60));
        assertTrue(terms.acceptedIn(accepted));
        assertEquals(TUESDAY.plusSeconds(60), accepted.acceptedAt());
        accepted.accept(terms, TUESDAY.plusSeconds(600));
        assertEquals(TUESDAY.plusSeconds(60), accepted.acceptedAt(), "accepting again keeps the first time");
    }

    @Test
    void blankOrOverlongTermsAreRefusedWithTheirOwnMessage() {
        InvalidInputException blank = assertThrows(InvalidInputException.class, () -> new LinkTerms(TENANT, "  ", MONDAY));
        assertEquals("terms.textRequired", blank.errors().get(0).text().key());
        InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                () -> new LinkTerms(TENANT, "x".repeat(LinkTerms.MAX_LENGTH + 1), MONDAY));
        assertEquals("terms.textTooLong", tooLong.errors().get(0).text().key());
    }
}
