package org.calsync.application.push;

import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.sessions.PushPlanner;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.session.TrainingSessionRepository;
import org.calsync.domain.model.sync.OutboxChannel;
import org.calsync.domain.model.sync.OutboxEntry;
import org.calsync.domain.model.sync.OutboxRepository;
import org.calsync.domain.model.sync.OutboxState;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.ConflictException;
import org.calsync.domain.shared.UnknownEntityException;

/**
 * Pushes that did not reach a calendar or a mailbox: those still being retried and those that gave up (dead), for the
 * console and the API, and another try on an admin's word.
 */
@ApplicationScoped
@Transactional
public class PushFailures {

    private static final int SHOWN = 100;
    private static final Logger LOG = Logger.getLogger(PushFailures.class.getName());

    @Inject
    private OutboxRepository outbox;

    @Inject
    private TrainingSessionRepository sessions;

    @Inject
    private PersonRepository people;

    @Inject
    private Event<PushPlanner.PushPlanned> planned;

    public List<Failure> list(TenantId tenantId) {
        return outbox.failing(tenantId, SHOWN).stream().map(entry -> new Failure(entry.id(), entry.sessionId(),
                sessions.find(tenantId, entry.sessionId()).map(TrainingSession::courseTitle).orElse("(deleted session)"),
                entry.personId(), people.find(tenantId, entry.personId()).map(Person::displayName).orElse("(deleted person)"),
                entry.channel(), entry.state().name(), entry.attempts(), entry.nextAttemptAt(), entry.lastFailureKind(),
                entry.lastError())).toList();
    }

    /** Tries the push again now, with a fresh count of attempts. */
    public void retry(TenantId tenantId, String entryId) {
        OutboxEntry entry = outbox.find(tenantId, entryId).orElseThrow(() -> new UnknownEntityException("push", entryId));
        entry.retryNow();
        planned.fire(new PushPlanner.PushPlanned(tenantId.value(), 1));
    }

    /**
     * Gives up on a dead push for good: the admin accepts that this change will not reach that person's
     * calendars. Only a dead push can be discarded; one still being retried may yet succeed.
     */
    public void discard(TenantId tenantId, String entryId) {
        OutboxEntry entry = outbox.find(tenantId, entryId).orElseThrow(() -> new UnknownEntityException("push", entryId));
        if (entry.state() != OutboxState.DEAD) {
            throw new ConflictException("push", "push.stillRetrying");
        }
        outbox.remove(entry);
        LOG.info(() -> "tenant=" + tenantId + " discarded dead push " + entryId + " of session " + entry.sessionId()
                + " for person " + entry.personId());
    }

    /** One push that has not reached its calendars yet, or never will without help. */
    public record Failure(String entryId, String sessionId, String sessionTitle, String personId, String personName,
            OutboxChannel channel, String state, int attempts, Instant nextAttemptAt, FailureKind failureKind, String lastError) {
    }
}
