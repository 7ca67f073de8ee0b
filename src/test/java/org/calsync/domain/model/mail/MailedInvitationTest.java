package org.calsync.domain.model.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.calsync.domain.model.tenant.InvitationAudience;
import org.calsync.domain.model.tenant.InvitationMailSettings;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** What a person's mailbox was last sent decides the next message's SEQUENCE, and whether one is needed. */
class MailedInvitationTest {

    @Test
    void eachMessageFollowsTheLastWithAHigherSequence() {
        MailedInvitation mailbox = new MailedInvitation(new TenantId("t"), "session", "person");
        assertEquals(0, mailbox.nextSequence());
        assertFalse(mailbox.invited());
        mailbox.sent(InvitationMail.Method.REQUEST, 0, "hash-a", Instant.EPOCH);
        assertTrue(mailbox.invited());
        assertTrue(mailbox.shows("hash-a"));
        assertFalse(mailbox.shows("hash-b"), "a changed session needs an update");
        assertEquals(1, mailbox.nextSequence());
        mailbox.sent(InvitationMail.Method.CANCEL, 1, null, Instant.EPOCH);
        assertFalse(mailbox.invited());
        assertFalse(mailbox.shows("hash-a"), "registering again after a cancellation invites again");
        assertEquals(2, mailbox.nextSequence());
    }

    @Test
    void theAudienceDecidesWhoIsReached() {
        InvitationMailSettings withoutCalendar = new InvitationMailSettings(true, null,
                InvitationAudience.WITHOUT_LINKED_CALENDAR, false);
        assertTrue(withoutCalendar.reaches(false));
        assertFalse(withoutCalendar.reaches(true));
        InvitationMailSettings everyone = new InvitationMailSettings(true, " training@northwind.example ",
                InvitationAudience.EVERYONE, false);
        assertTrue(everyone.reaches(true));
        assertEquals("training@northwind.example", everyone.sender());
        assertFalse(new InvitationMailSettings(false, "", InvitationAudience.EVERYONE, false).reaches(false));
        assertThrows(InvalidInputException.class,
                () -> new InvitationMailSettings(true, "not an address", InvitationAudience.EVERYONE, false));
    }
}
