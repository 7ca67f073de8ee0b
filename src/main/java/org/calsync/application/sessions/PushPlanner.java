package org.calsync.application.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.mail.MailedInvitationRepository;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.session.OnlineMeetingProblem;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.sync.OutboxEntry;
import org.calsync.domain.model.sync.OutboxRepository;
import org.calsync.domain.model.tenant.InvitationMailSettings;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.model.tenant.TenantRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the push work a change causes, in the transaction of the change itself: one outbox entry per
 * (session, person) whose calendars must follow, and, where the organisation emails invitations, one per person
 * whose mailbox must: due after a quiet period, and only one waiting at a time, so a burst of edits makes one email.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PushPlanner {

    private final OutboxRepository outbox;
    private final CalendarAccountRepository accounts;
    private final TenantRepository tenants;
    private final MailedInvitationRepository mailed;
    private final Event<PushPlanned> planned;
    private final Duration quietPeriod;

    @Inject
    public PushPlanner(OutboxRepository outbox, CalendarAccountRepository accounts, TenantRepository tenants,
            MailedInvitationRepository mailed, Event<PushPlanned> planned,
            @ConfigProperty(name = "calsync.invitation-mail.quiet-period", defaultValue = "PT30S") Duration quietPeriod) {
        this.outbox = outbox;
        this.accounts = accounts;
        this.tenants = tenants;
        this.mailed = mailed;
        this.planned = planned;
        this.quietPeriod = quietPeriod;
    }

    /** For the container's proxy only. */
    protected PushPlanner() {
        this(null, null, null, null, null, null);
    }

    /** Everyone on the session: its instructors and learners. */
    public void everyoneOn(TrainingSession session) {
        reviewMeetingHost(session);
        plan(session.tenantId(), session.id(), peopleOn(session));
    }

    /**
     * Says on the session why its meeting cannot be generated when nobody's account can host it: no instructor,
     * or a lead instructor without an account of the kind that hosts it. Once one can, the lead's push makes it.
     */
    public void reviewMeetingHost(TrainingSession session) {
        if (!session.needsGeneratedMeeting()) {
            return;
        }
        Optional<Person> lead = session.leadInstructor();
        if (lead.isEmpty()) {
            session.meetingNotCreated(OnlineMeetingProblem.NO_INSTRUCTOR);
        } else if (accounts.listForPerson(session.tenantId(), lead.get().id()).stream().noneMatch(
                account -> account.provider() == session.onlineMeeting().host() && !account.beingRemoved())) {
            session.meetingNotCreated(OnlineMeetingProblem.NO_ACCOUNT);
        } else {
            session.meetingHostFound();
        }
    }

    /**
     * Everyone on the session and one person who may just have left it: after a change of staff every event
     * names other instructors, and the one who left loses theirs.
     */
    public void everyoneOnAnd(TrainingSession session, String personId) {
        reviewMeetingHost(session);
        Set<String> people = peopleOn(session);
        people.add(personId);
        plan(session.tenantId(), session.id(), people);
    }

    private static Set<String> peopleOn(TrainingSession session) {
        Set<String> people = new LinkedHashSet<>();
        session.assignments().forEach(a -> people.add(a.person().id()));
        session.registrations().forEach(r -> people.add(r.person().id()));
        return people;
    }

    public void plan(TenantId tenant, String sessionId, Collection<String> personIds) {
        Set<String> linked = accounts.peopleWithAccounts(tenant, personIds);
        for (String personId : personIds) {
            if (linked.contains(personId)) {
                outbox.add(new OutboxEntry(tenant, sessionId, personId));
            }
        }
        int emails = planEmails(tenant, sessionId, personIds, linked);
        if (!linked.isEmpty() || emails > 0) {
            planned.fire(new PushPlanned(tenant.value(), linked.size() + emails));
        }
    }

    /**
     * Emails for the people the organisation's invitations reach, and a cancellation for anyone invited earlier;
     * whether each is still needed is decided when it is sent.
     */
    private int planEmails(TenantId tenant, String sessionId, Collection<String> personIds, Set<String> linked) {
        InvitationMailSettings settings = tenants.find(tenant).map(Tenant::invitationMail)
                .orElse(InvitationMailSettings.defaults());
        if (!settings.enabled()) {
            return 0;
        }
        Set<String> invitedBefore = mailed.invited(tenant, sessionId);
        Set<String> waiting = outbox.emailsWaiting(tenant, sessionId);
        Instant due = Instant.now().plus(quietPeriod);
        int added = 0;
        for (String personId : personIds) {
            boolean concerned = settings.reaches(linked.contains(personId)) || invitedBefore.contains(personId);
            if (concerned && !waiting.contains(personId)) {
                outbox.add(OutboxEntry.email(tenant, sessionId, personId, due));
                added++;
            }
        }
        return added;
    }

    /** Observed after commit, so that the worker starts at once instead of waiting for the sweep. */
    public record PushPlanned(String tenantId, int entries) {
    }
}
