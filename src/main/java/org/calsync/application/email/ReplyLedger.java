package org.calsync.application.email;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.sessions.Responses;
import org.calsync.domain.model.calendar.EventIdentity;
import org.calsync.domain.model.calendar.SecretCipher;
import org.calsync.domain.model.mail.CalendarReply;
import org.calsync.domain.model.mail.MailedInvitationRepository;
import org.calsync.domain.model.mail.ReplyInbox.MailboxAccess;
import org.calsync.domain.model.mail.ReplyMailbox;
import org.calsync.domain.model.mail.ReplyMailboxRepository;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.session.ResponseChannel;
import org.calsync.domain.model.tenant.TenantId;

/**
 * The database ends of reading replies, each its own short transaction so that no connection waits on the mail
 * server: which mailboxes to read and how to sign in, each reply matched and recorded, and the read's outcome.
 * <p>
 * A reply is recorded only when it is plainly the invited person answering: the email comes from the attendee it
 * answers for, that address is a person of this organisation, and the UID is the one an invitation to them carried.
 * Anything else (a forged sender, an unknown UID, a session they have left) changes nothing and is logged.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ReplyLedger {

    private static final Logger LOG = Logger.getLogger(ReplyLedger.class.getName());

    /** Whether a reply counted. */
    public enum Verdict {
        RECORDED,
        REFUSED
    }

    @Inject
    private ReplyMailboxRepository mailboxes;

    @Inject
    private MailedInvitationRepository mailed;

    @Inject
    private PersonRepository people;

    @Inject
    private Responses responses;

    @Inject
    private SecretCipher cipher;

    public List<TenantId> reading() {
        return mailboxes.reading();
    }

    /** How to sign in to the organisation's mailbox, password decrypted; empty when it is not read. */
    public Optional<MailboxAccess> access(TenantId tenantId) {
        return mailboxes.find(tenantId).filter(ReplyMailbox::reads).map(m -> new MailboxAccess(m.host(), m.port(),
                m.security(), m.username(), cipher.decrypt(m.passwordCipher()), m.processedFolder()));
    }

    public Verdict record(TenantId tenantId, CalendarReply reply) {
        if (!reply.sentByAttendee()) {
            return refuse(tenantId, reply, "it was sent by " + reply.sender() + " but answers for " + reply.attendee());
        }
        Optional<Person> person = people.findByEmail(reply.attendee()).filter(p -> p.belongsTo(tenantId));
        if (person.isEmpty()) {
            return refuse(tenantId, reply, reply.attendee() + " is no one in this organisation");
        }
        String personId = person.get().id();
        Optional<String> session = mailed.sessionsMailedTo(tenantId, personId).stream()
                .filter(id -> EventIdentity.uid(tenantId, id, personId).equals(reply.uid())).findFirst();
        if (session.isEmpty()) {
            return refuse(tenantId, reply, "no invitation to " + reply.attendee() + " had the UID " + reply.uid());
        }
        Responses.Outcome outcome = responses.record(tenantId, session.get(), personId, reply.response(),
                ResponseChannel.EMAIL, reply.writtenAt());
        if (outcome == Responses.Outcome.NOT_ON_SESSION) {
            return refuse(tenantId, reply, reply.attendee() + " is no longer on session " + session.get());
        }
        LOG.info(() -> "tenant=" + tenantId + " reply " + reply.messageId() + " from person " + personId + ": "
                + reply.response() + ", " + outcome);
        return Verdict.RECORDED;
    }

    /** A read that got through: what it did, added to what the console shows. */
    public void read(TenantId tenantId, Instant at, int recorded, int refused) {
        mailboxes.find(tenantId).ifPresent(mailbox -> mailbox.read(at, recorded, refused));
    }

    public void couldNotRead(TenantId tenantId, Instant at, String problem) {
        mailboxes.find(tenantId).ifPresent(mailbox -> mailbox.couldNotRead(at, problem));
    }

    private static Verdict refuse(TenantId tenantId, CalendarReply reply, String why) {
        LOG.warning(() -> "tenant=" + tenantId + " reply " + reply.messageId() + " changed nothing: " + why);
        return Verdict.REFUSED;
    }
}
