package org.calsync.application.connection;

import java.net.URI;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.shared.PublicAddress;
import org.calsync.domain.model.calendar.AuthorizationServer.OAuthClient;
import org.calsync.domain.model.calendar.SignInAudience;
import org.calsync.domain.model.calendar.SecretCipher;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.OAuthRegistration;
import org.calsync.domain.model.tenant.OAuthRegistrationRepository;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.Message;

/**
 * A tenant's OAuth clients: the organisation's registration with each provider, joined to the endpoints and scopes
 * that provider's kind declares ({@code OAuthSignIn}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OAuthClients {

    @Inject
    private OAuthRegistrationRepository registrations;

    @Inject
    private SecretCipher cipher;

    @Inject
    private PublicAddress publicAddress;

    @Inject
    private CalendarProviders providers;

    /** Where providers send people back; the admin registers exactly this address with the provider. */
    public URI redirectUri() {
        return URI.create(publicAddress.link("/oauth/callback"));
    }

    /**
     * The provider's admin-consent page for this registration: a directory administrator opens it once, and nobody
     * in the directory sees a consent prompt of their own afterwards. Null where the kind has none or while
     * the registration is incomplete.
     */
    public URI adminConsentLink(OAuthRegistration registration) {
        return providers.oauthSignIn(registration.provider()).adminConsentPage(registration, redirectUri()).orElse(null);
    }

    /** The API every account of this kind is reached at; accounts keep it as their server. */
    public URI apiBase(CalendarProviderType provider) {
        return providers.oauthSignIn(provider).apiBase();
    }

    /** The tenant's client, ready to use; a clear error while an admin has not registered it. */
    public OAuthClient clientFor(TenantId tenantId, CalendarProviderType provider) {
        OAuthRegistration registration = registration(tenantId, provider);
        return providers.oauthSignIn(provider).client(registration, cipher.decrypt(registration.clientSecretCipher()));
    }

    /** The client for a person who chose which kind of account to connect (work, or personal: Outlook.com). */
    public OAuthClient clientFor(TenantId tenantId, CalendarProviderType provider, SignInAudience wanted) {
        OAuthRegistration registration = registration(tenantId, provider);
        return providers.oauthSignIn(provider).client(registration, cipher.decrypt(registration.clientSecretCipher()),
                wanted);
    }

    /** Whose accounts the tenant's registration lets people connect; none while it has no registration. */
    public Set<SignInAudience> audiences(TenantId tenantId, CalendarProviderType provider) {
        return registrations.find(tenantId, provider).map(r -> providers.oauthSignIn(provider).audiences(r))
                .orElse(Set.of());
    }

    /** Whether an administrator registered the organisation's application for this provider. */
    public boolean registered(TenantId tenantId, CalendarProviderType provider) {
        return registrations.find(tenantId, provider).isPresent();
    }

    /**
     * Whether the organisation gave CalSync an application permission (Microsoft Graph's), so that it reaches every
     * mailbox by address and nobody connects individually.
     */
    public boolean reachesEveryMailbox(TenantId tenantId, CalendarProviderType provider) {
        // Only a registration whose application acts for one directory offers it (see OAuthSetup).
        return providers.traitsOf(provider).organisationWide() && registrations.find(tenantId, provider)
                .map(OAuthRegistration::organisationWide).orElse(false);
    }

    /** The tenant's application acting as itself (client credentials), for kinds that offer it. */
    public OAuthClient applicationClientFor(TenantId tenantId, CalendarProviderType provider) {
        OAuthRegistration registration = registration(tenantId, provider);
        return providers.oauthSignIn(provider)
                .applicationClient(registration, cipher.decrypt(registration.clientSecretCipher()))
                .orElseThrow(() -> new InvalidInputException("provider", "oauth.noOrganisationWide"));
    }

    private OAuthRegistration registration(TenantId tenantId, CalendarProviderType provider) {
        return registrations.find(tenantId, provider).orElseThrow(() -> new InvalidInputException("provider",
                "oauth.notRegistered", Message.of("provider." + provider.name())));
    }
}
