package org.calsync.application.sessions;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.sync.OutboxEntry;
import org.calsync.domain.model.sync.OutboxRepository;
import org.calsync.domain.model.tenant.TenantId;

/**
 * Writes the push work a change causes, in the transaction of the change itself: one outbox entry per
 * (session, person) whose calendars must follow. People without a linked calendar need none.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PushPlanner {

    private final OutboxRepository outbox;
    private final CalendarAccountRepository accounts;
    private final Event<PushPlanned> planned;

    @Inject
    public PushPlanner(OutboxRepository outbox, CalendarAccountRepository accounts, Event<PushPlanned> planned) {
        this.outbox = outbox;
        this.accounts = accounts;
        this.planned = planned;
    }

    /** For the container's proxy only. */
    protected PushPlanner() {
        this(null, null, null);
    }

    /** Everyone on the session: its instructors and learners. */
    public void everyoneOn(TrainingSession session) {
        plan(session.tenantId(), session.id(), peopleOn(session));
    }

    /**
     * Everyone on the session and one person who may just have left it: after a change of staff every event
     * names other instructors, and the one who left loses theirs.
     */
    public void everyoneOnAnd(TrainingSession session, String personId) {
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
        if (!linked.isEmpty()) {
            planned.fire(new PushPlanned(tenant.value(), linked.size()));
        }
    }

    /** Observed after commit, so that the worker starts at once instead of waiting for the sweep. */
    public record PushPlanned(String tenantId, int entries) {
    }
}
