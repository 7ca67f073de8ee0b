package org.calsync.application.push;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.connection.AccountConnections;
import org.calsync.application.connection.ReconnectNotices;
import org.calsync.application.sessions.PushPlanner;
import org.calsync.domain.model.calendar.AccountStatus;
import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.calendar.EventLink;
import org.calsync.domain.model.calendar.EventLinkRepository;
import org.calsync.domain.model.calendar.ExternalCalendar;
import org.calsync.domain.model.calendar.HostedMeeting;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.calendar.PendingWrite;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.SessionCalendarChoice;
import org.calsync.domain.model.calendar.SessionCalendarChoiceRepository;
import org.calsync.domain.model.mail.MailedInvitation;
import org.calsync.domain.model.mail.MailedInvitationRepository;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.session.OnlineMeetingProblem;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.session.TrainingSessionRepository;
import org.calsync.domain.model.sync.OutboxEntry;
import org.calsync.domain.model.sync.OutboxRepository;
import org.calsync.domain.model.sync.OutboxState;
import org.calsync.domain.model.tenant.IntegrationSettings;
import org.calsync.domain.model.tenant.OnlineMeetingKind;
import org.calsync.domain.model.tenant.SyncDirection;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.model.tenant.TenantRepository;
import org.calsync.domain.shared.Language;

/**
 * The two database ends of a push, each a short transaction of its own: what an outbox entry needs done,
 * and what the calendars answered. The calls in between hold no database connection.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class PushLedger {

    private static final Logger LOG = Logger.getLogger(PushLedger.class.getName());
    /** Pushes to an account whose credentials were refused wait this long, or until the person reconnects. */
    static final Duration RECONNECT_WAIT = Duration.ofHours(1);

    private final OutboxRepository outbox;
    private final TenantRepository tenants;
    private final TrainingSessionRepository sessions;
    private final PersonRepository people;
    private final CalendarAccountRepository accounts;
    private final EventLinkRepository links;
    private final AccountConnections connections;
    private final SessionEvents events;
    private final ReconnectNotices reconnectNotices;
    private final MailedInvitationRepository invitations;
    private final SessionCalendarChoiceRepository choices;
    private final PushPlanner planner;

    @Inject
    public PushLedger(OutboxRepository outbox, TenantRepository tenants, TrainingSessionRepository sessions,
            PersonRepository people, CalendarAccountRepository accounts, EventLinkRepository links,
            AccountConnections connections, SessionEvents events, ReconnectNotices reconnectNotices,
            MailedInvitationRepository invitations, SessionCalendarChoiceRepository choices, PushPlanner planner) {
        this.outbox = outbox;
        this.tenants = tenants;
        this.sessions = sessions;
        this.people = people;
        this.accounts = accounts;
        this.links = links;
        this.connections = connections;
        this.events = events;
        this.reconnectNotices = reconnectNotices;
        this.invitations = invitations;
        this.choices = choices;
        this.planner = planner;
    }

    /** For the container's proxy only. */
    protected PushLedger() {
        this(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The writes and deletes that make the person's push-target calendars show the session exactly when it
     * is active and the person is on it, and nowhere else. Events whose content has not changed need none.
     */
    public Optional<PushPlan> plan(String entryId) {
        Optional<OutboxEntry> found = outbox.find(entryId);
        if (found.isEmpty() || found.get().state() != OutboxState.PENDING) {
            return Optional.empty();
        }
        OutboxEntry entry = found.get();
        TenantId tenant = entry.tenantId();
        Optional<Tenant> organisation = tenants.find(tenant);
        Optional<IntegrationSettings> settings = organisation.map(Tenant::settings);
        boolean twoWay = settings.map(s -> s.direction() == SyncDirection.TWO_WAY).orElse(false);
        Optional<Person> person = people.find(tenant, entry.personId());
        // Nothing is written to, or removed from, an account the organisation's rules pause.
        Predicate<CalendarAccount> paused = account -> settings.isPresent() && person.isPresent()
                && !account.syncAllowedBy(settings.get(), person.get());
        Optional<TrainingSession> session = sessions.find(tenant, entry.sessionId());
        boolean wanted = person.isPresent() && session.isPresent() && session.get().isActiveFor(person.get(),
                sessions.isRegistered(tenant, entry.sessionId(), entry.personId()));
        Map<String, EventLink> existing = links.forSessionAndPerson(tenant, entry.sessionId(), entry.personId()).stream()
                .collect(Collectors.toMap(link -> link.calendar().id(), Function.identity()));

        // A calendar chosen for this session replaces its account's usual target; the event left in the old one is stale.
        Map<String, ExternalCalendar> chosen = choices.forSessionAndPerson(tenant, entry.sessionId(), entry.personId())
                .stream().collect(Collectors.toMap(SessionCalendarChoice::accountId, SessionCalendarChoice::calendar));

        List<PushStep> steps = new ArrayList<>();
        if (wanted) {
            // The lead instructor's first account of the kind that hosts the session's meeting creates it.
            Optional<OnlineMeetingKind> toHost = meetingHostedBy(session.get(), entry.personId());
            for (CalendarAccount account : accounts.listForPerson(tenant, entry.personId())) {
                if (account.beingRemoved() || paused.test(account)) {
                    continue; // being removed, or paused by the organisation: nothing new goes in
                }
                Optional<ExternalCalendar> target = Optional.ofNullable(chosen.get(account.id())).or(account::pushTarget);
                if (target.isPresent()) {
                    OnlineMeetingKind hosts = toHost.filter(kind -> kind.host() == account.provider()).orElse(null);
                    if (hosts != null) {
                        toHost = Optional.empty();
                    }
                    write(session.get(), person.get(), target.get(), existing.remove(target.get().id()),
                            settings.map(IntegrationSettings::omitLearnerDetails).orElse(false),
                            person.get().languageOr(organisation.map(Tenant::language).orElse(Language.ENGLISH)),
                            hosts).ifPresent(steps::add);
                }
            }
        }
        existing.values().removeIf(link -> link.calendar().account().beingRemoved()
                || paused.test(link.calendar().account()));
        for (EventLink stale : existing.values()) {
            steps.add(new PushStep.Remove(target(stale.calendar(), person), stale.id(), stale.remoteId()));
        }
        return Optional.of(new PushPlan(entryId, tenant, entry.sessionId(), entry.personId(), twoWay, steps,
                Instant.now(), entry.createdAt()));
    }

    /** The meeting the person's event hosts: the session asks one to be generated, and they lead it. */
    private static Optional<OnlineMeetingKind> meetingHostedBy(TrainingSession session, String personId) {
        boolean leads = session.leadInstructor().map(lead -> lead.id().equals(personId)).orElse(false);
        return session.needsGeneratedMeeting() && leads ? Optional.of(session.onlineMeeting()) : Optional.empty();
    }

    private Optional<PushStep> write(TrainingSession session, Person person, ExternalCalendar calendar, EventLink link,
            boolean leaveLearnersOut, Language language, OnlineMeetingKind hosts) {
        OutgoingEvent probe = hosting(events.eventFor(session, person, link == null ? 0 : link.sequence(),
                leaveLearnersOut, language), hosts);
        String hash = SessionEvents.contentHash(probe);
        if (link != null && hash.equals(link.contentHash())) {
            return Optional.empty();
        }
        OutgoingEvent event = link == null ? probe : hosting(events.eventFor(session, person, link.nextSequence(),
                leaveLearnersOut, language), hosts);
        PendingWrite pending = link == null
                ? new PendingWrite(event, null, null, invitations.find(session.tenantId(), session.id(), person.id())
                        .filter(MailedInvitation::invited).isPresent())
                : new PendingWrite(event, link.versionTag(), link.remoteId(), false);
        return Optional.of(new PushStep.Write(target(calendar, Optional.of(person)), pending,
                link == null ? null : link.id(), hash));
    }

    private static OutgoingEvent hosting(OutgoingEvent event, OnlineMeetingKind hosts) {
        return hosts == null ? event : event.hosting(hosts);
    }

    private PushStep.Target target(ExternalCalendar calendar, Optional<Person> person) {
        CalendarAccount account = calendar.account();
        ProviderConnection connection = null;
        RuntimeException unreachable = null;
        try {
            connection = connections.of(account, person.map(Person::timeZone).orElse(ZoneOffset.UTC));
        } catch (ProviderUnavailableException | AuthorisationLostException e) {
            // One account's sign-in failing (a token service down) must not hold up the person's other calendars.
            unreachable = e;
        }
        return new PushStep.Target(account.id(), calendar.id(), account.provider(), connection,
                connections.credentialsTag(account), calendar.remoteId(), account.status() == AccountStatus.NEEDS_RECONSENT,
                unreachable);
    }

    /**
     * Records what the calendars answered: links for the events written, none for those deleted, and the
     * accounts' status. The entry is done when every step succeeded, and is tried again later otherwise;
     * with an edit found in a calendar it stays with its worker, which reads that calendar first.
     *
     * @return events written into a calendar that was removed, or began to be, meanwhile; the caller deletes
     *         them again
     */
    public List<PushStep.Remove> record(PushPlan plan, List<StepOutcome> outcomes) {
        TenantId tenant = plan.tenantId();
        List<EventLink> current = links.forSessionAndPerson(tenant, plan.sessionId(), plan.personId());
        List<PushStep.Remove> orphans = new ArrayList<>();
        boolean reconnectedMeanwhile = false;
        for (StepOutcome outcome : outcomes) {
            PushStep.Target target = outcome.step().target();
            Optional<CalendarAccount> account = accounts.find(tenant, target.accountId());
            if (!outcome.succeeded()) {
                boolean refused = outcome.result() == StepOutcome.Result.AUTHORISATION_LOST
                        || outcome.result() == StepOutcome.Result.WAITING_FOR_RECONNECT;
                if (refused && account.isPresent() && !connections.credentialsTag(account.get()).equals(target.credentialsTag())) {
                    reconnectedMeanwhile = true; // new credentials arrived while we used the old ones
                } else if (outcome.result() == StepOutcome.Result.AUTHORISATION_LOST) {
                    account.ifPresent(a -> reconnectNotices.refused(tenant, a, outcome.message()));
                }
                continue;
            }
            account.ifPresent(a -> a.markWorking(plan.askedAt()));
            Optional<EventLink> link = current.stream().filter(l -> l.calendar().id().equals(target.calendarId())).findFirst();
            if (outcome.step() instanceof PushStep.Remove) {
                link.ifPresent(links::remove);
            } else if (outcome.step() instanceof PushStep.Write write) {
                Optional<ExternalCalendar> calendar = account.filter(a -> !a.beingRemoved())
                        .flatMap(a -> a.calendar(target.calendarId()));
                if (calendar.isEmpty()) {
                    orphans.add(new PushStep.Remove(target, null, outcome.written().remoteId()));
                } else if (link.isPresent()) {
                    link.get().recordWrite(outcome.written(), write.contentHash());
                } else {
                    links.add(new EventLink(tenant, plan.sessionId(), plan.personId(), calendar.get(), write.event().uid(),
                            outcome.written(), write.contentHash()));
                }
            }
        }
        OutboxEntry entry = outbox.find(plan.entryId()).orElseThrow();
        if (outcomes.stream().anyMatch(o -> o.result() == StepOutcome.Result.EDITED_ELSEWHERE)) {
            return orphans;
        }
        Optional<StepOutcome> failure = outcomes.stream().filter(o -> !o.succeeded()).findFirst();
        if (failure.isEmpty()) {
            entry.succeeded();
        } else {
            StepOutcome.Result result = failure.get().result();
            boolean reconnect = !reconnectedMeanwhile && (result == StepOutcome.Result.AUTHORISATION_LOST
                    || result == StepOutcome.Result.WAITING_FOR_RECONNECT);
            entry.failed(failure.get().kind(), failure.get().message(),
                    reconnect ? RECONNECT_WAIT : failure.get().retryAfter(), Instant.now());
        }
        return orphans;
    }

    /**
     * What the provider did with the meeting the lead instructor's event asked for: a new join address goes into
     * everyone's events; a refusal is shown on the session, which keeps being pushed without a link. A transaction
     * of its own, after the write's, as it changes the session, which an admin may be changing at the same moment.
     */
    public void recordMeeting(TenantId tenant, String sessionId, OnlineMeetingKind asked, HostedMeeting meeting) {
        Optional<TrainingSession> session = sessions.find(tenant, sessionId)
                .filter(s -> s.needsGeneratedMeeting() && s.onlineMeeting() == asked); // not changed meanwhile
        if (session.isEmpty()) {
            return;
        }
        if (meeting.isCreated()) {
            if (session.get().meetingCreated(meeting.joinUrl())) {
                LOG.info(() -> "tenant=" + tenant + " session=" + sessionId + ": " + asked + " meeting created");
                planner.everyoneOn(session.get());
            }
        } else if (meeting.refusal() != null) {
            LOG.info(() -> "tenant=" + tenant + " session=" + sessionId + ": no " + asked + " meeting: " + meeting.refusal());
            session.get().meetingNotCreated(OnlineMeetingProblem.REFUSED);
        }
    }

    /**
     * The meeting's answer could not be recorded: the lead's event is written again soon, and its provider answers
     * with the same meeting, as one event keeps one meeting.
     */
    public void meetingNotRecorded(PushPlan plan, PushStep.Target target) {
        links.forSessionAndPerson(plan.tenantId(), plan.sessionId(), plan.personId()).stream()
                .filter(link -> link.calendar().id().equals(target.calendarId()))
                .forEach(link -> link.editedElsewhere(link.versionTag()));
        planner.plan(plan.tenantId(), plan.sessionId(), List.of(plan.personId()));
    }

    /**
     * The entry's work is done by a newer entry of the same session and person: plans are read from the state, so
     * the newer one's plan covers every change made before it was planned.
     */
    public void foldedInto(String entryId) {
        outbox.find(entryId).filter(entry -> entry.state() == OutboxState.PENDING).ifPresent(OutboxEntry::succeeded);
    }

    /** The push cannot go on now; it is tried again with back-off. */
    public void postpone(String entryId, FailureKind kind, String reason) {
        outbox.find(entryId).ifPresent(entry -> entry.failed(kind, reason, null, Instant.now()));
    }
}
