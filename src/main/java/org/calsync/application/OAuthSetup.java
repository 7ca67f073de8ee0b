package org.calsync.application;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.calendar.SecretCipher;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.OAuthRegistration;
import org.calsync.domain.model.tenant.OAuthRegistrationRepository;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.InvalidInputException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** An admin enters the tenant's app registrations with Microsoft Entra and Google. */
@ApplicationScoped
@Transactional
public class OAuthSetup {

    private static final Logger LOG = Logger.getLogger(OAuthSetup.class.getName());

    @Inject
    private OAuthRegistrationRepository registrations;

    @Inject
    private SecretCipher cipher;

    @Inject
    private OAuthClients clients;

    @Inject
    @ConfigProperty(name = "calsync.microsoft.login", defaultValue = "https://login.microsoftonline.com/")
    String microsoftLogin;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OAuthRegistration> registration(TenantId tenantId, CalendarProviderType provider) {
        return registrations.find(tenantId, requireOAuth(provider));
    }

    /** Creates or replaces the registration; a blank secret keeps the stored one. */
    public OAuthRegistration configure(TenantId tenantId, CalendarProviderType provider, String directoryId,
            String clientId, String clientSecret, boolean organisationWide) {
        OAuthRegistration registration = registrations.find(tenantId, requireOAuth(provider)).orElse(null);
        boolean added = registration == null;
        if (added) {
            registration = new OAuthRegistration(tenantId, provider);
        }
        registration.change(directoryId, clientId, clientSecret == null || clientSecret.isBlank() ? null
                : cipher.encrypt(clientSecret.strip()), organisationWide);
        if (added) {
            registrations.add(registration);
        }
        LOG.info(() -> "tenant=" + tenantId + " configured its " + provider + " app registration");
        return registration;
    }

    /** Where providers send people back; registered with the provider as the app's redirect URI. */
    public URI redirectUri() {
        return clients.redirectUri();
    }

    /**
     * Microsoft's admin-consent page for this registration: an Entra administrator opens it once, and nobody
     * in the directory sees a consent prompt of their own afterwards. Null for Google or while incomplete.
     */
    public URI adminConsentLink(OAuthRegistration registration) {
        if (registration.provider() != CalendarProviderType.MICROSOFT_365 || registration.directoryId() == null) {
            return null;
        }
        return URI.create(microsoftLogin.replaceAll("/+$", "") + "/" + registration.directoryId() + "/adminconsent?client_id="
                + URLEncoder.encode(registration.clientId(), StandardCharsets.UTF_8) + "&redirect_uri="
                + URLEncoder.encode(redirectUri().toString(), StandardCharsets.UTF_8));
    }

    private static CalendarProviderType requireOAuth(CalendarProviderType provider) {
        if (provider == null || !OAuthRegistration.usesOAuth(provider)) {
            throw new InvalidInputException("provider", "oauth.onlyMicrosoftAndGoogle");
        }
        return provider;
    }
}
