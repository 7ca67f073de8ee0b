package org.calsync.application.sessions;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.mail.Mailer;
import org.calsync.domain.model.mail.OutgoingMail;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.session.TrainingSessionRepository;
import org.calsync.domain.model.sync.AdminAlert;
import org.calsync.domain.model.sync.AdminAlertRepository;
import org.calsync.domain.model.sync.SyncNote;
import org.calsync.domain.model.sync.SyncRun;
import org.calsync.domain.model.sync.SyncRunRepository;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.model.tenant.TenantRepository;
import org.calsync.domain.shared.UnknownEntityException;

/**
 * An admin's answers to what a sync could not decide alone: a learner's late cancellation approved (unregistered,
 * their event removed) or refused (still registered, and told so by email); a held calendar released; a notice
 * marked done. Each decision settles its alert once and is written in the calendar's sync log.
 */
@ApplicationScoped
@Transactional
public class AlertDecisions {

    private static final Logger LOG = Logger.getLogger(AlertDecisions.class.getName());
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

    /** A refusal committed: the learner is told they are still registered. */
    public record CancellationRefused(TenantId tenantId, String sessionId, String personId, boolean declined) {
    }

    @Inject
    private AdminAlertRepository alerts;

    @Inject
    private CalendarAccountRepository accounts;

    @Inject
    private SyncRunRepository runs;

    @Inject
    private SessionService sessions;

    @Inject
    private TrainingSessionRepository sessionRepository;

    @Inject
    private PersonRepository people;

    @Inject
    private TenantRepository tenants;

    @Inject
    private Mailer mailer;

    @Inject
    private Event<CancellationRefused> refused;

    /** The learner's cancellation stands: they are unregistered and CalSync's event leaves their calendar. */
    public void approve(TenantId tenantId, String alertId) {
        AdminAlert alert = find(tenantId, alertId);
        alert.resolve(AdminAlert.Decision.APPROVED);
        Optional<TrainingSession> session = sessionRepository.find(tenantId, alert.sessionId());
        Optional<Person> learner = people.find(tenantId, alert.personId());
        // An admin may have unregistered them by hand meanwhile: the decision then only settles the alert.
        if (session.isPresent() && learner.isPresent() && session.get().isRegistered(learner.get())) {
            sessions.unregister(tenantId, alert.sessionId(), alert.personId());
        }
        logDecision(tenantId, alert, 1, SyncNote.by(SyncNote.Kind.CANCELLATION_APPROVED, personName(tenantId, alert),
                sessionTitle(tenantId, alert)));
    }

    /** The learner stays registered; their event stays in their calendar, and they are told by email. */
    public void refuse(TenantId tenantId, String alertId) {
        AdminAlert alert = find(tenantId, alertId);
        alert.resolve(AdminAlert.Decision.REFUSED);
        logDecision(tenantId, alert, 0, SyncNote.by(SyncNote.Kind.CANCELLATION_REFUSED, personName(tenantId, alert),
                sessionTitle(tenantId, alert)));
        refused.fire(new CancellationRefused(tenantId, alert.sessionId(), alert.personId(),
                alert.kind() == AdminAlert.Kind.LEARNER_DECLINED_LATE));
    }

    /** Lets a held calendar's changes through at its next pull, and settles its alert. */
    public CalendarAccount release(TenantId tenantId, String accountId, String calendarId) {
        CalendarAccount account = accounts.find(tenantId, accountId)
                .orElseThrow(() -> new UnknownEntityException("calendar account", accountId));
        account.calendar(calendarId).orElseThrow(() -> new UnknownEntityException("calendar", calendarId)).release();
        alerts.openForCalendar(tenantId, calendarId, AdminAlert.Kind.CALENDAR_HELD).ifPresent(alert -> {
            alert.resolve(AdminAlert.Decision.RELEASED);
            logDecision(tenantId, alert, 0, SyncNote.of(SyncNote.Kind.CALENDAR_RELEASED));
        });
        return account;
    }

    /** Marks an alert dealt with: a held calendar is released; a late cancellation needs approving or refusing. */
    public void done(TenantId tenantId, String alertId) {
        AdminAlert alert = find(tenantId, alertId);
        if (alert.kind() == AdminAlert.Kind.CALENDAR_HELD) {
            release(tenantId, alert.accountId(), alert.calendarId());
        } else {
            alert.resolve(AdminAlert.Decision.DONE);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void tellTheLearner(@Observes(during = TransactionPhase.AFTER_SUCCESS) CancellationRefused refusal) {
        Optional<Person> learner = people.find(refusal.tenantId(), refusal.personId());
        Optional<TrainingSession> session = sessionRepository.find(refusal.tenantId(), refusal.sessionId());
        if (learner.isEmpty() || session.isEmpty()) {
            return;
        }
        String organisation = tenants.find(refusal.tenantId()).map(t -> t.name()).orElse("CalSync");
        String what = refusal.declined()
                ? "You declined \"%2$s\" after the deadline for cancelling. %3$s has kept your place, so you are "
                        + "still registered:"
                : "You removed \"%2$s\" from your calendar after the deadline for cancelling. %3$s has kept your "
                        + "place, so you are still registered, and the session is back in your calendar:";
        String text = ("""
                Hello %1$s,

                """ + what + """


                %2$s, %4$s (%5$s)

                If you cannot come, please tell %3$s directly.
                """).formatted(learner.get().displayName(), session.get().courseTitle(), organisation,
                WHEN.format(session.get().time().localStart()), session.get().time().zone().getId());
        try {
            mailer.send(new OutgoingMail(learner.get().email(), learner.get().displayName(),
                    "You are still registered for " + session.get().courseTitle(), text));
        } catch (RuntimeException e) { // the decision stands and is logged either way; the note is a courtesy
            LOG.warning(() -> "tenant=" + refusal.tenantId() + " refusal note to person " + refusal.personId()
                    + " not sent: " + e.getMessage());
        }
    }

    private AdminAlert find(TenantId tenantId, String alertId) {
        return alerts.find(tenantId, alertId).orElseThrow(() -> new UnknownEntityException("alert", alertId));
    }

    private String sessionTitle(TenantId tenantId, AdminAlert alert) {
        return sessionRepository.find(tenantId, alert.sessionId()).map(TrainingSession::courseTitle)
                .orElse(alert.note().subject());
    }

    private String personName(TenantId tenantId, AdminAlert alert) {
        return people.find(tenantId, alert.personId()).map(Person::displayName).orElse(alert.note().who());
    }

    /** The decision in the calendar's sync log, where the event it concerns was read. */
    private void logDecision(TenantId tenantId, AdminAlert alert, int changesOut, SyncNote decision) {
        if (alert.accountId() != null && accounts.find(tenantId, alert.accountId()).isPresent()) {
            runs.add(SyncRun.finished(tenantId, alert.accountId(), alert.calendarId(), Instant.now(),
                    new SyncRun.Counts(0, changesOut, 0, 0), SyncRun.Outcome.OK, List.of(decision)));
        }
        LOG.info(() -> "tenant=" + tenantId + " alert=" + alert.id() + " " + alert.decision() + ": " + decision);
    }
}
