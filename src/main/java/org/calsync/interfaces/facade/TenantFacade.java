package org.calsync.interfaces.facade;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.connection.CalendarProviders;
import org.calsync.application.email.InvitationTexts;
import org.calsync.application.history.RetentionPurge;
import org.calsync.application.linking.SyncPauses;
import org.calsync.application.people.ApiKeyService;
import org.calsync.application.people.PersonService;
import org.calsync.application.setup.TenantSettingsService;
import org.calsync.domain.model.person.Permission;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.tenant.ApiKey;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.IntegrationSettings;
import org.calsync.domain.model.tenant.InvitationAudience;
import org.calsync.domain.model.tenant.InvitationMailSettings;
import org.calsync.domain.model.tenant.PrivacyMode;
import org.calsync.domain.model.tenant.RetentionPolicy;
import org.calsync.domain.model.tenant.SyncDirection;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.OnlineMeetingKind;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.Language;
import org.calsync.domain.shared.Validation;
import org.calsync.interfaces.facade.dto.ApiKeyView;
import org.calsync.interfaces.facade.dto.PauseImpactView;
import org.calsync.interfaces.facade.dto.RetentionPurgeView;
import org.calsync.interfaces.facade.dto.InvitationMailView;
import org.calsync.interfaces.facade.dto.SettingsView;
import org.calsync.interfaces.facade.dto.SignedInUser;

/** Tenant-wide things: integration settings, API keys, and who a signed-in caller is. */
@ApplicationScoped
@Transactional
public class TenantFacade {

    @Inject
    private TenantSettingsService settings;

    @Inject
    private CalendarProviders providers;

    @Inject
    private ApiKeyService apiKeys;

    @Inject
    private PersonService people;

    @Inject
    private SyncPauses pauses;

    @Inject
    private RetentionPurge retention;

    @Inject
    private InvitationTexts invitationTexts;

    public SettingsView settings(String tenantId) {
        return view(settings.tenant(new TenantId(tenantId)));
    }

    /**
     * Changes the settings. Calendars the change pauses keep what CalSync wrote unless {@code removeWrittenEvents},
     * when it is deleted once the change is committed; calendars it allows again get their upcoming sessions.
     */
    public SettingsView changeSettings(String tenantId, SettingsView form, boolean removeWrittenEvents) {
        TenantId tenant = new TenantId(tenantId);
        Validation validation = new Validation();
        IntegrationSettings integration = validation.attempt(() -> settingsOf(form));
        RetentionPolicy retention = validation.attempt(() -> new RetentionPolicy(form.busyRetentionDays(),
                form.logRetentionDays()));
        Language language = Language.ofCode(form.language()).orElse(null);
        validation.check(language != null, "language", "person.languageUnknown", String.valueOf(form.language()));
        validation.throwIfInvalid();
        Set<String> allowedBefore = pauses.allowedAccounts(tenant);
        Tenant changed = settings.changeSettings(tenant, integration, retention, language);
        pauses.applyChange(tenant, allowedBefore, removeWrittenEvents);
        return view(changed);
    }

    /** What saving this form would pause, for the confirmation that asks whether to delete what CalSync wrote. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PauseImpactView impactOf(String tenantId, SettingsView form) {
        SyncPauses.Impact impact = pauses.impactOf(new TenantId(tenantId), settingsOf(form));
        return new PauseImpactView(impact.accounts(), impact.people(), impact.writtenEvents());
    }

    private static IntegrationSettings settingsOf(SettingsView form) {
        return new IntegrationSettings(form.integrationEnabled(),
                EnumInput.parseAll(CalendarProviderType.class, form.allowedProviders(), "allowedProviders"),
                EnumInput.parse(SyncDirection.class, form.direction(), "direction"),
                EnumInput.parse(PrivacyMode.class, form.defaultPrivacyMode(), "defaultPrivacyMode"),
                form.pullWindowMonths(), form.omitLearnerDetails(), form.cancellationDeadlineHours())
                .withDefaultOnlineMeeting(form.defaultOnlineMeeting() == null || "NONE".equals(form.defaultOnlineMeeting())
                        ? null : EnumInput.parse(OnlineMeetingKind.class, form.defaultOnlineMeeting(), "defaultOnlineMeeting"));
    }

    public InvitationMailView invitationMail(String tenantId) {
        return view(settings.tenant(new TenantId(tenantId)).invitationMail());
    }

    public InvitationMailView changeInvitationMail(String tenantId, InvitationMailView form) {
        InvitationMailSettings chosen = new InvitationMailSettings(form.enabled(), form.sender(),
                EnumInput.parse(InvitationAudience.class, form.audience(), "invitationAudience"),
                form.declineUnregisters());
        return view(settings.changeInvitationMail(new TenantId(tenantId), chosen).invitationMail());
    }

    private InvitationMailView view(InvitationMailSettings mail) {
        return new InvitationMailView(mail.enabled(), mail.sender(), mail.audience().name(),
                mail.declineUnregisters(), invitationTexts.installationSender());
    }

    public List<ApiKeyView> apiKeys(String tenantId) {
        return apiKeys.list(new TenantId(tenantId)).stream().map(TenantFacade::view).toList();
    }

    /** Issues a key and returns its secret, which is shown once and never again. */
    public String issueApiKey(String tenantId, String name) {
        return apiKeys.issue(new TenantId(tenantId), name).secret();
    }

    public void revokeApiKey(String tenantId, String keyId) {
        apiKeys.revoke(new TenantId(tenantId), keyId);
    }

    public Optional<String> tenantOfApiKey(String secret) {
        return apiKeys.authenticate(secret).map(TenantId::value);
    }

    /** Permission names in declaration order, for option lists; pages word them in their own language. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> permissionNames() {
        return Arrays.stream(Permission.values()).map(Enum::name).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> providerNames() {
        return Arrays.stream(CalendarProviderType.values()).map(Enum::name).toList();
    }

    /**
     * How each kind of calendar this deployment has signs in (PASSWORD, APP_PASSWORD, OAUTH or DIRECTORY), as its
     * adapter declares it; the forms ask this instead of knowing kinds by name.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> signInByKind() {
        return providers.allTraits().stream().collect(Collectors.toMap(traits -> traits.type().name(),
                traits -> traits.signIn().name()));
    }

    public Optional<SignedInUser> signedInUser(String email) {
        return people.findByEmail(email).map(person -> user(person, settings.tenant(person.tenantId())));
    }

    private static SignedInUser user(Person person, Tenant tenant) {
        return new SignedInUser(person.id(), tenant.id().value(), tenant.name(), person.displayName(), person.email(),
                person.timeZone().getId(), EnumInput.names(person.permissions()));
    }

    private static SettingsView view(Tenant tenant) {
        IntegrationSettings s = tenant.settings();
        return new SettingsView(tenant.name(), s.integrationEnabled(), EnumInput.names(s.allowedProviders()),
                s.direction().name(), s.defaultPrivacyMode().name(), s.pullWindowMonths(), s.omitLearnerDetails(),
                s.cancellationDeadlineHours(), tenant.retention().busyTimeDays(), tenant.retention().syncLogDays(),
                tenant.language().code(), s.defaultOnlineMeeting() == null ? "NONE" : s.defaultOnlineMeeting().name());
    }

    /** Purges now what the retention policy no longer keeps, as the nightly job does, and says what went. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public RetentionPurgeView purgeNow(String tenantId) {
        RetentionPurge.Purged purged = retention.purge(new TenantId(tenantId), Instant.now());
        return new RetentionPurgeView(purged.busyTimes(), purged.busyTimesEndedBefore(), purged.syncLogEntries(),
                purged.syncLogBefore());
    }

    private static ApiKeyView view(ApiKey key) {
        return new ApiKeyView(key.id(), key.name(), key.keyPrefix(), key.createdAt(), key.isActive());
    }
}
