package org.calsync.application.setup;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.sessions.PushPlanner;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.session.TrainingSessionRepository;
import org.calsync.domain.model.tenant.IntegrationSettings;
import org.calsync.domain.model.tenant.InvitationMailSettings;
import org.calsync.domain.model.tenant.RetentionPolicy;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.model.tenant.TenantRepository;
import org.calsync.domain.shared.Language;
import org.calsync.domain.shared.UnknownEntityException;

/** Reads and changes a tenant's integration settings. */
@ApplicationScoped
@Transactional
public class TenantSettingsService {

    private static final Logger LOG = Logger.getLogger(TenantSettingsService.class.getName());

    @Inject
    private TenantRepository tenants;

    @Inject
    private TrainingSessionRepository sessions;

    @Inject
    private PushPlanner push;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Tenant tenant(TenantId id) {
        return tenants.find(id).orElseThrow(() -> new UnknownEntityException("tenant", id.value()));
    }

    public Tenant changeSettings(TenantId id, IntegrationSettings settings, RetentionPolicy retention, Language language) {
        Tenant tenant = tenant(id);
        tenant.changeRetention(retention);
        // Events already in calendars take the new language's headings when their session next changes.
        tenant.changeLanguage(language);
        boolean learnerRuleChanged = tenant.settings().omitLearnerDetails() != settings.omitLearnerDetails();
        tenant.changeSettings(settings);
        if (learnerRuleChanged) {
            rewriteInstructorsEvents(tenant);
        }
        LOG.info(() -> "tenant=" + id + " changed integration settings");
        return tenant;
    }

    /**
     * Turns invitation emails on or off, or changes their sender or audience. Only sessions that change from now on
     * are emailed: turning them on does not mail every planned session at once.
     */
    public Tenant changeInvitationMail(TenantId id, InvitationMailSettings invitationMail) {
        Tenant tenant = tenant(id);
        tenant.changeInvitationMail(invitationMail);
        LOG.info(() -> "tenant=" + id + " invitation emails " + (invitationMail.enabled() ? "on for "
                + invitationMail.audience() : "off"));
        return tenant;
    }

    /** Learner details appear in, or leave, every instructor's event of the sessions ahead in the pull window. */
    private void rewriteInstructorsEvents(Tenant tenant) {
        Instant now = Instant.now();
        Instant until = ZonedDateTime.now().plusMonths(tenant.settings().pullWindowMonths()).toInstant();
        for (TrainingSession session : sessions.list(tenant.id(), now, until)) {
            push.plan(tenant.id(), session.id(), session.assignments().stream().map(a -> a.person().id()).toList());
        }
    }
}
