package org.calsync.application.email;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.application.push.PushLedger;
import org.calsync.domain.model.calendar.CalendarOwnerLock;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.mail.MailNotSentException;
import org.calsync.domain.model.mail.Mailer;

/**
 * Sends a person's claimed invitation emails, one at a time, while holding the lease on that person, so that two
 * instances never send the same update twice with the same SEQUENCE. Each is read, sent and recorded in turn; a
 * relay that is down leaves the email to the outbox's back-off. Never throws.
 * <p>
 * An email is sent once, but SMTP cannot be part of a transaction: if an instance dies after the relay took a
 * message and before it was recorded, the next try sends it again with the same Message-ID, UID and SEQUENCE, which
 * mail clients and calendars treat as the same invitation.
 */
@ApplicationScoped
public class InvitationMails {

    private static final Logger LOG = Logger.getLogger(InvitationMails.class.getName());

    private final InvitationMailLedger ledger;
    private final PushLedger outbox;
    private final Mailer mailer;
    private final CalendarOwnerLock ownerLock;

    @Inject
    public InvitationMails(InvitationMailLedger ledger, PushLedger outbox, Mailer mailer, CalendarOwnerLock ownerLock) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.mailer = mailer;
        this.ownerLock = ownerLock;
    }

    /** For the container's proxy only. */
    protected InvitationMails() {
        this(null, null, null, null);
    }

    public void deliver(String personId, List<String> entryIds) {
        try {
            ownerLock.exclusively(personId, () -> {
                entryIds.forEach(this::deliver);
                return null;
            });
        } catch (CalendarOwnerLock.CalendarOwnerBusyException busy) {
            entryIds.forEach(entryId -> fail(entryId, FailureKind.BUSY, busy.getMessage()));
        }
    }

    private void deliver(String entryId) {
        try {
            Optional<PreparedMail> prepared = ledger.prepare(entryId);
            if (prepared.isPresent()) {
                mailer.send(prepared.get().mail());
                ledger.sent(prepared.get());
                LOG.info(() -> "tenant=" + prepared.get().tenantId() + " session=" + prepared.get().sessionId()
                        + " person=" + prepared.get().personId() + ": emailed "
                        + prepared.get().invitation().method() + " " + prepared.get().invitation().event().sequence());
            }
        } catch (MailNotSentException e) {
            LOG.info(() -> "Invitation email " + entryId + " not sent, tried again later: " + e.getMessage());
            fail(entryId, e.reason() == MailNotSentException.Reason.UNREACHABLE ? FailureKind.UNREACHABLE
                    : e.reason() == MailNotSentException.Reason.SIGN_IN_REFUSED ? FailureKind.SIGN_IN : FailureKind.OTHER,
                    e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Invitation email " + entryId + " failed; it is tried again later", e);
            fail(entryId, FailureKind.OTHER, e.toString());
        }
    }

    private void fail(String entryId, FailureKind kind, String reason) {
        try {
            outbox.postpone(entryId, kind, reason); // with the outbox's back-off; at the end, Try again in the console
        } catch (RuntimeException again) {
            LOG.log(Level.WARNING, "Invitation email " + entryId + " could not be postponed; its claim runs out", again);
        }
    }
}
