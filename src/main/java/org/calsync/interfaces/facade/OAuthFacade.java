package org.calsync.interfaces.facade;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.application.connection.CalendarProviders;
import org.calsync.application.connection.OAuthClients;
import org.calsync.application.linking.OAuthLinking;
import org.calsync.application.setup.OAuthSetup;
import org.calsync.application.watch.ChangeWatches;
import org.calsync.domain.model.calendar.AuthorizationServer.AuthorizationStart;
import org.calsync.domain.model.calendar.ProviderTraits;
import org.calsync.domain.model.calendar.SignInAudience;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.OAuthRegistration;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.Language;
import org.calsync.interfaces.facade.dto.CalendarAccountView;
import org.calsync.interfaces.facade.dto.ConsentRedirect;
import org.calsync.interfaces.facade.dto.OAuthRegistrationView;
import org.calsync.interfaces.facade.dto.WatchStatusView;
import org.calsync.interfaces.jobs.WatchUpkeep;

/** Microsoft 365 and Google: the tenant's app registrations and each person's consent, for console, portal and API. */
@ApplicationScoped
public class OAuthFacade {

    @Inject
    private CalendarFacade calendars;

    @Inject
    private CalendarProviders providers;

    @Inject
    private OAuthSetup setup;

    @Inject
    private OAuthLinking linking;

    @Inject
    private OAuthClients clients;

    @Inject
    private ChangeWatches watches;

    @Inject
    private WatchUpkeep upkeep;

    public OAuthRegistrationView registration(String tenantId, String provider) {
        CalendarProviderType type = type(provider);
        return setup.registration(new TenantId(tenantId), type).map(this::view)
                .orElse(new OAuthRegistrationView(type.name(), false, null, null, false, false,
                        clients.redirectUri().toString(), null, false, watchStatus(new TenantId(tenantId), type)));
    }

    /**
     * A blank {@code clientSecret} keeps the stored one. The watches follow the new setting soon after: each
     * calendar's watch is made (or stopped) while the admin looks at the page.
     */
    public OAuthRegistrationView configure(String tenantId, String provider, String directoryId, String clientId,
            String clientSecret, boolean organisationWide, boolean watchChanges) {
        OAuthRegistration saved = setup.configure(new TenantId(tenantId), type(provider),
                new OAuthRegistration.Details(directoryId, clientId, organisationWide, watchChanges), clientSecret);
        upkeep.upkeepSoon(saved.tenantId());
        return view(saved);
    }

    /** The kinds whose organisation's application reaches every mailbox, so nobody consents on their own. */
    public Set<String> kindsReachingEveryMailbox(String tenantId) {
        return providers.allTraits().stream().filter(ProviderTraits::usesOAuth).map(ProviderTraits::type)
                .filter(kind -> clients.reachesEveryMailbox(new TenantId(tenantId), kind)).map(Enum::name)
                .collect(Collectors.toSet());
    }

    /** Whose accounts each OAuth kind's registration lets people connect (WORK, PERSONAL), by kind name. */
    public Map<String, Set<String>> audiencesByKind(String tenantId) {
        return providers.allTraits().stream().filter(ProviderTraits::usesOAuth).map(ProviderTraits::type)
                .collect(Collectors.toMap(Enum::name, kind -> clients.audiences(new TenantId(tenantId), kind).stream()
                        .map(Enum::name).collect(Collectors.toSet())));
    }

    /** Consent where the provider asks which account: reconnecting one, or a kind without a choice of accounts. */
    public ConsentRedirect beginConsent(String tenantId, String personId, String provider) {
        return beginConsent(tenantId, personId, provider, null);
    }

    /** @param audience the kind of account the person chose: WORK, or PERSONAL (Outlook.com); null for either */
    public ConsentRedirect beginConsent(String tenantId, String personId, String provider, String audience) {
        CalendarProviderType type = type(provider);
        SignInAudience wanted = audience == null ? null : EnumInput.parse(SignInAudience.class, audience, "audience");
        AuthorizationStart start = linking.begin(new TenantId(tenantId), personId, type, wanted);
        return new ConsentRedirect(type.name(), wanted == null ? null : wanted.name(), start.location().toString(),
                start.state(), start.codeVerifier());
    }

    public CalendarAccountView completeConsent(String tenantId, String personId, ConsentRedirect pending, String code,
            Language reader) {
        return calendars.view(linking.complete(new TenantId(tenantId), personId, type(pending.provider()), code,
                pending.codeVerifier(), pending.audience() == null ? null : SignInAudience.valueOf(pending.audience())),
                false, reader);
    }

    /** A stored registration is always complete: {@link OAuthRegistration#change} refuses anything less. */
    private OAuthRegistrationView view(OAuthRegistration registration) {
        var consent = clients.adminConsentLink(registration);
        return new OAuthRegistrationView(registration.provider().name(), true,
                registration.directoryId(), registration.clientId(), registration.clientSecretCipher() != null,
                registration.organisationWide(), clients.redirectUri().toString(),
                consent == null ? null : consent.toString(), registration.watchChanges(),
                watchStatus(registration.tenantId(), registration.provider()));
    }

    private WatchStatusView watchStatus(TenantId tenantId, CalendarProviderType provider) {
        ChangeWatches.WatchStatus status = watches.status(tenantId, provider);
        URI address = URI.create(status.address());
        String host = address.getHost() == null ? "" : address.getHost();
        boolean reachable = "https".equals(address.getScheme()) && !host.equals("localhost")
                && !host.startsWith("127.") && !host.equals("[::1]");
        return new WatchStatusView(status.watched(), status.lastNotifiedAt(), status.problem(), status.address(), reachable);
    }

    private static CalendarProviderType type(String provider) {
        return EnumInput.parse(CalendarProviderType.class, provider, "provider");
    }
}
