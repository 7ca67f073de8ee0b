package org.calsync.application.email;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.push.PushLedger;
import org.calsync.application.push.SessionEvents;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.mail.InvitationMail;
import org.calsync.domain.model.mail.MailedInvitation;
import org.calsync.domain.model.mail.MailedInvitationRepository;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.session.TrainingSessionRepository;
import org.calsync.domain.model.sync.OutboxEntry;
import org.calsync.domain.model.sync.OutboxRepository;
import org.calsync.domain.model.sync.OutboxState;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.TenantRepository;

/**
 * The database ends of an invitation email, each a short transaction of its own so that no connection is held
 * while the relay answers: what to send (read from the session as it is now, not from the change that asked), what
 * was sent. A failure is postponed as a push is ({@link PushLedger#postpone}).
 */
@ApplicationScoped
public class InvitationMailLedger {

    private final OutboxRepository outbox;
    private final TenantRepository tenants;
    private final PersonRepository people;
    private final TrainingSessionRepository sessions;
    private final CalendarAccountRepository accounts;
    private final MailedInvitationRepository mailed;
    private final SessionEvents events;
    private final InvitationTexts texts;

    @Inject
    public InvitationMailLedger(OutboxRepository outbox, TenantRepository tenants, PersonRepository people,
            TrainingSessionRepository sessions, CalendarAccountRepository accounts, MailedInvitationRepository mailed,
            SessionEvents events, InvitationTexts texts) {
        this.outbox = outbox;
        this.tenants = tenants;
        this.people = people;
        this.sessions = sessions;
        this.accounts = accounts;
        this.mailed = mailed;
        this.events = events;
        this.texts = texts;
    }

    /** For the container's proxy only. */
    protected InvitationMailLedger() {
        this(null, null, null, null, null, null, null, null);
    }

    /**
     * The email this entry calls for: an invitation or an update while the person is on the active session and
     * takes emails, a cancellation once they are not on it (or it is cancelled) after being invited. Empty, and the
     * entry done, when their mailbox already shows the session as it is.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<PreparedMail> prepare(String entryId) {
        Optional<OutboxEntry> found = outbox.find(entryId);
        if (found.isEmpty() || found.get().state() != OutboxState.PENDING) {
            return Optional.empty();
        }
        OutboxEntry entry = found.get();
        Optional<Tenant> tenant = tenants.find(entry.tenantId());
        Optional<Person> person = people.find(entry.tenantId(), entry.personId());
        Optional<TrainingSession> session = sessions.find(entry.tenantId(), entry.sessionId());
        Optional<PreparedMail> prepared = tenant.isPresent() && person.isPresent() && session.isPresent()
                ? prepare(entry, tenant.get(), person.get(), session.get()) : Optional.empty();
        if (prepared.isEmpty()) {
            entry.succeeded();
        }
        return prepared;
    }

    private Optional<PreparedMail> prepare(OutboxEntry entry, Tenant tenant, Person person, TrainingSession session) {
        if (!tenant.invitationMail().enabled() || person.email() == null || person.email().isBlank()) {
            return Optional.empty();
        }
        Optional<MailedInvitation> record = mailed.find(tenant.id(), session.id(), person.id());
        boolean invited = record.map(MailedInvitation::invited).orElse(false);
        if (!session.isActiveFor(person, sessions.isRegistered(tenant.id(), session.id(), person.id()))) {
            // A cancellation reaches whoever was invited, even after linking a calendar or turning emails off:
            // otherwise their calendar keeps a session they are no longer on.
            return invited ? Optional.of(mail(entry, tenant, person, InvitationMail.Method.CANCEL,
                    event(tenant, person, session, record), null, true)) : Optional.empty();
        }
        boolean linked = !accounts.peopleWithAccounts(tenant.id(), List.of(person.id())).isEmpty();
        if (!tenant.invitationMail().reaches(linked) || !person.takesInvitationEmails()) {
            return Optional.empty();
        }
        OutgoingEvent event = event(tenant, person, session, record);
        String hash = SessionEvents.contentHash(event);
        if (record.isPresent() && record.get().shows(hash)) {
            return Optional.empty();
        }
        return Optional.of(mail(entry, tenant, person, InvitationMail.Method.REQUEST, event, hash, invited));
    }

    /** The session as the person's calendar would show it, with the SEQUENCE that follows their last email. */
    private OutgoingEvent event(Tenant tenant, Person person, TrainingSession session, Optional<MailedInvitation> record) {
        return events.eventFor(session, person, record.map(MailedInvitation::nextSequence).orElse(0),
                tenant.settings().omitLearnerDetails(), person.languageOr(tenant.language()));
    }

    private PreparedMail mail(OutboxEntry entry, Tenant tenant, Person person, InvitationMail.Method method,
            OutgoingEvent event, String hash, boolean followsEarlierMail) {
        InvitationMail invitation = new InvitationMail(method, event, texts.organiser(tenant),
                new InvitationMail.Address(person.email(), person.displayName()));
        return new PreparedMail(entry.id(), tenant.id(), entry.sessionId(), person.id(),
                texts.compose(invitation, person, followsEarlierMail, tenant.name()), hash);
    }

    /** The relay took the message: the person's mailbox now shows what it carried, and the entry is done. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sent(PreparedMail prepared) {
        MailedInvitation record = mailed.find(prepared.tenantId(), prepared.sessionId(), prepared.personId())
                .orElseGet(() -> {
                    MailedInvitation first = new MailedInvitation(prepared.tenantId(), prepared.sessionId(),
                            prepared.personId());
                    mailed.add(first);
                    return first;
                });
        record.sent(prepared.invitation().method(), prepared.invitation().event().sequence(), prepared.contentHash(),
                Instant.now());
        outbox.find(prepared.entryId()).ifPresent(OutboxEntry::succeeded);
    }
}
