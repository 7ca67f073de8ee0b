package org.calsync.application;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.calendar.AccountStatus;
import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.calendar.CalendarProvider;
import org.calsync.domain.model.calendar.EventLink;
import org.calsync.domain.model.calendar.EventLinkRepository;
import org.calsync.domain.model.calendar.ExternalCalendar;
import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.SecretCipher;
import org.calsync.domain.model.calendar.VersionConflictException;
import org.calsync.domain.model.calendar.WriteResult;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.session.SessionState;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.session.TrainingSessionRepository;
import org.calsync.domain.model.sync.OutboxEntry;
import org.calsync.domain.model.sync.OutboxRepository;
import org.calsync.domain.model.sync.OutboxState;
import org.calsync.domain.model.tenant.TenantId;

/**
 * Carries out one outbox entry: makes the person's push-target calendars show the session exactly when it
 * is active and the person is on it, and nowhere else. Idempotent: running it twice writes nothing new.
 */
@ApplicationScoped
public class PushReconciler {

    private static final Logger LOG = Logger.getLogger(PushReconciler.class.getName());
    /** While one worker holds an entry, others leave it alone; a crashed worker's lease simply runs out. */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration RECONSENT_WAIT = Duration.ofHours(1);

    @Inject
    private OutboxRepository outbox;

    @Inject
    private TrainingSessionRepository sessions;

    @Inject
    private PersonRepository people;

    @Inject
    private CalendarAccountRepository accounts;

    @Inject
    private EventLinkRepository links;

    @Inject
    private CalendarProviders providers;

    @Inject
    private SecretCipher cipher;

    @Inject
    private SessionEvents events;

    /** Pending entries whose time has come, oldest first, across tenants. */
    @Transactional
    public List<String> dueEntries(Instant now, int limit) {
        return outbox.dueIds(now, limit);
    }

    /** Takes the entry for this worker; false when it is not due or another worker (or node) has it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String entryId, Instant now) {
        Optional<OutboxEntry> entry = outbox.find(entryId);
        if (entry.isEmpty() || entry.get().state() != OutboxState.PENDING || entry.get().nextAttemptAt().isAfter(now)) {
            return false;
        }
        entry.get().lease(now.plus(LEASE));
        return true;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void process(String entryId) {
        OutboxEntry entry = outbox.find(entryId).orElseThrow();
        TenantId tenant = entry.tenantId();
        Instant now = Instant.now();
        try {
            Optional<Person> person = people.find(tenant, entry.personId());
            Optional<TrainingSession> session = sessions.find(tenant, entry.sessionId());
            boolean wanted = person.isPresent() && session.isPresent() && session.get().state() == SessionState.ACTIVE
                    && (session.get().isInstructor(person.get()) || session.get().isRegistered(person.get()));
            int changes = reconcile(tenant, entry, person, session, wanted);
            entry.succeeded();
            LOG.fine(() -> "tenant=" + tenant + " session=" + entry.sessionId() + " person=" + entry.personId()
                    + " pushed " + changes + " changes");
        } catch (ProviderUnavailableException e) {
            entry.failed(e.getMessage(), e.retryAfter(), now);
            LOG.info(() -> "tenant=" + tenant + " push for session " + entry.sessionId() + " postponed: " + e.getMessage());
        } catch (AuthorisationLostException e) {
            entry.failed(e.getMessage(), RECONSENT_WAIT, now);
            LOG.warning(() -> "tenant=" + tenant + " person=" + entry.personId() + " needs to reconnect: " + e.getMessage());
        } catch (RuntimeException e) {
            entry.failed(e.toString(), null, now);
            LOG.log(Level.WARNING, "tenant=" + tenant + " push for session " + entry.sessionId() + " failed", e);
        }
    }

    private int reconcile(TenantId tenant, OutboxEntry entry, Optional<Person> person, Optional<TrainingSession> session,
            boolean wanted) {
        List<CalendarAccount> linked = accounts.listForPerson(tenant, entry.personId());
        Map<String, EventLink> existing = links.forSessionAndPerson(tenant, entry.sessionId(), entry.personId()).stream()
                .collect(Collectors.toMap(link -> link.calendar().id(), Function.identity()));
        List<ExternalCalendar> targets = new ArrayList<>();
        if (wanted) {
            linked.stream().filter(a -> a.status() != AccountStatus.NEEDS_RECONSENT)
                    .forEach(a -> a.pushTarget().ifPresent(targets::add));
        }
        int changes = 0;
        for (ExternalCalendar target : targets) {
            changes += write(tenant, session.get(), person.get(), target, existing.remove(target.id()));
        }
        for (EventLink stale : existing.values()) {
            CalendarAccount account = stale.calendar().account();
            withAccount(account, () -> provider(account).delete(connection(account, person), stale.calendar().remoteId(),
                    stale.remoteId(), null));
            links.remove(stale);
            changes++;
        }
        return changes;
    }

    private int write(TenantId tenant, TrainingSession session, Person person, ExternalCalendar target, EventLink link) {
        CalendarAccount account = target.account();
        OutgoingEvent probe = events.eventFor(session, person, link == null ? 0 : link.sequence());
        String hash = SessionEvents.contentHash(probe);
        if (link != null && hash.equals(link.contentHash())) {
            return 0;
        }
        OutgoingEvent event = link == null ? probe : events.eventFor(session, person, link.nextSequence());
        ProviderConnection connection = connection(account, Optional.of(person));
        WriteResult written = withAccount(account, () -> {
            try {
                return provider(account).put(connection, target.remoteId(), event, link == null ? null : link.versionTag());
            } catch (VersionConflictException editedElsewhere) {
                // Our event was edited in the calendar. The platform is the source: write it back as it is here.
                return provider(account).put(connection, target.remoteId(), event, null);
            }
        });
        if (link == null) {
            links.add(new EventLink(tenant, session.id(), person.id(), target, event.uid(), written, hash));
        } else {
            link.recordWrite(written, hash);
        }
        return 1;
    }

    /** Runs a provider call and keeps the account's status in step with what the provider answered. */
    private <T> T withAccount(CalendarAccount account, Supplier<T> call) {
        try {
            T result = call.get();
            account.markConnected();
            return result;
        } catch (AuthorisationLostException e) {
            account.markNeedsReconsent(e.getMessage());
            throw e;
        }
    }

    private void withAccount(CalendarAccount account, Runnable call) {
        withAccount(account, () -> {
            call.run();
            return null;
        });
    }

    private CalendarProvider provider(CalendarAccount account) {
        return providers.forType(account.provider());
    }

    private ProviderConnection connection(CalendarAccount account, Optional<Person> person) {
        return account.connection(cipher, person.map(Person::timeZone).orElse(ZoneOffset.UTC));
    }
}
