package org.calsync.application;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.calendar.AuthorizationServer.OAuthClient;
import org.calsync.domain.model.calendar.SecretCipher;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.OAuthRegistration;
import org.calsync.domain.model.tenant.OAuthRegistrationRepository;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.Message;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A tenant's OAuth clients with the providers' endpoints and the least scopes CalSync needs. The endpoints
 * are Google's and Microsoft's own unless configured otherwise (a test server, a national cloud).
 * {@code openid email} name the account that was connected; they grant no calendar access.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OAuthClients {

    static final List<String> GOOGLE_SCOPES = List.of("openid", "email",
            "https://www.googleapis.com/auth/calendar.events", "https://www.googleapis.com/auth/calendar.readonly",
            "https://www.googleapis.com/auth/calendar.freebusy");
    static final List<String> MICROSOFT_SCOPES = List.of("openid", "email", "offline_access", "Calendars.ReadWrite");

    @Inject
    @ConfigProperty(name = "calsync.google.authorization-endpoint", defaultValue = "https://accounts.google.com/o/oauth2/v2/auth")
    String googleAuthorization;

    @Inject
    @ConfigProperty(name = "calsync.google.token-endpoint", defaultValue = "https://oauth2.googleapis.com/token")
    String googleToken;

    @Inject
    @ConfigProperty(name = "calsync.google.revocation-endpoint", defaultValue = "https://oauth2.googleapis.com/revoke")
    String googleRevocation;

    @Inject
    @ConfigProperty(name = "calsync.google.api", defaultValue = "https://www.googleapis.com/calendar/v3/")
    String googleApi;

    @Inject
    @ConfigProperty(name = "calsync.microsoft.login", defaultValue = "https://login.microsoftonline.com/")
    String microsoftLogin;

    @Inject
    @ConfigProperty(name = "calsync.microsoft.graph", defaultValue = "https://graph.microsoft.com/v1.0/")
    String microsoftGraph;

    @Inject
    private OAuthRegistrationRepository registrations;

    @Inject
    private SecretCipher cipher;

    @Inject
    private PublicAddress publicAddress;

    /** Where providers send people back; the admin registers exactly this address with the provider. */
    public URI redirectUri() {
        return URI.create(publicAddress.link("/oauth/callback"));
    }

    /**
     * Microsoft's admin-consent page for this registration: an Entra administrator opens it once, and nobody
     * in the directory sees a consent prompt of their own afterwards. Null for Google or while incomplete.
     */
    public URI adminConsentLink(OAuthRegistration registration) {
        if (registration.provider() != CalendarProviderType.MICROSOFT_365 || registration.directoryId() == null) {
            return null;
        }
        return URI.create(microsoftDirectory(registration) + "adminconsent?client_id="
                + URLEncoder.encode(registration.clientId(), StandardCharsets.UTF_8) + "&redirect_uri="
                + URLEncoder.encode(redirectUri().toString(), StandardCharsets.UTF_8));
    }

    /** The API every account of this kind is reached at; accounts keep it as their server. */
    public URI apiBase(CalendarProviderType provider) {
        return URI.create(provider == CalendarProviderType.GOOGLE ? googleApi : microsoftGraph);
    }

    /** The tenant's client, ready to use; a clear error while an admin has not registered it. */
    public OAuthClient clientFor(TenantId tenantId, CalendarProviderType provider) {
        OAuthRegistration registration = registrations.find(tenantId, provider)
                .orElseThrow(() -> new InvalidInputException("provider", "oauth.notRegistered",
                        Message.of("provider." + provider.name())));
        String secret = cipher.decrypt(registration.clientSecretCipher());
        if (provider == CalendarProviderType.GOOGLE) {
            // offline: a refresh token; consent: a new one each time, so reconnecting always yields one.
            return new OAuthClient(URI.create(googleAuthorization), URI.create(googleToken), URI.create(googleRevocation),
                    registration.clientId(), secret, GOOGLE_SCOPES, Map.of("access_type", "offline", "prompt", "consent"));
        }
        String endpoints = microsoftDirectory(registration) + "oauth2/v2.0/";
        // select_account: a person may link several Microsoft accounts, so they pick one instead of silently
        // connecting whichever the browser is signed in to.
        return new OAuthClient(URI.create(endpoints + "authorize"), URI.create(endpoints + "token"), null,
                registration.clientId(), secret, MICROSOFT_SCOPES, Map.of("prompt", "select_account"));
    }

    /** Whether an administrator registered the organisation's application for this provider. */
    public boolean registered(TenantId tenantId, CalendarProviderType provider) {
        return registrations.find(tenantId, provider).isPresent();
    }

    /**
     * Whether the organisation gave CalSync Microsoft Graph's application permission, so that it reaches every
     * mailbox by address and nobody connects individually.
     */
    public boolean reachesEveryMailbox(TenantId tenantId, CalendarProviderType provider) {
        return provider == CalendarProviderType.MICROSOFT_365 && registrations.find(tenantId, provider)
                .map(OAuthRegistration::organisationWide).orElse(false);
    }

    /**
     * The tenant's Entra application acting as itself (client credentials), with Graph's {@code .default}
     * scope: whatever application permissions an administrator granted it.
     */
    public OAuthClient applicationClientFor(TenantId tenantId) {
        OAuthClient delegated = clientFor(tenantId, CalendarProviderType.MICROSOFT_365);
        URI graph = URI.create(microsoftGraph);
        String resource = graph.getScheme() + "://" + graph.getAuthority();
        return new OAuthClient(delegated.authorizationEndpoint(), delegated.tokenEndpoint(), null, delegated.clientId(),
                delegated.clientSecret(), List.of(resource + "/.default"), Map.of());
    }

    /** The sign-in address of the registration's Entra directory, ending in a slash. */
    private String microsoftDirectory(OAuthRegistration registration) {
        return microsoftLogin.replaceAll("/+$", "") + "/" + registration.directoryId() + "/";
    }
}
