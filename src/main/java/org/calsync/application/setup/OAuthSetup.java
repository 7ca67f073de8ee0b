package org.calsync.application.setup;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.connection.CalendarProviders;
import org.calsync.domain.model.calendar.SignInAudience;
import org.calsync.domain.model.calendar.SecretCipher;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.OAuthRegistration;
import org.calsync.domain.model.tenant.OAuthRegistrationRepository;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.Message;

/** An admin enters the tenant's app registrations with the OAuth kinds' providers (Microsoft Entra, Google). */
@ApplicationScoped
@Transactional
public class OAuthSetup {

    private static final Logger LOG = Logger.getLogger(OAuthSetup.class.getName());

    @Inject
    private OAuthRegistrationRepository registrations;

    @Inject
    private SecretCipher cipher;

    @Inject
    private CalendarProviders providers;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OAuthRegistration> registration(TenantId tenantId, CalendarProviderType provider) {
        return registrations.find(tenantId, requireOAuth(provider));
    }

    /** Creates or replaces the registration; a blank secret keeps the stored one. */
    public OAuthRegistration configure(TenantId tenantId, CalendarProviderType provider,
            OAuthRegistration.Details details, String clientSecret) {
        OAuthRegistration registration = registrations.find(tenantId, requireOAuth(provider)).orElse(null);
        boolean added = registration == null;
        if (added) {
            registration = new OAuthRegistration(tenantId, provider);
        }
        registration.change(details, clientSecret == null || clientSecret.isBlank() ? null
                : cipher.encrypt(clientSecret.strip()), providers.traitsOf(provider).organisationWide());
        // Acting for every mailbox needs an application of one directory: common or consumers have none.
        if (registration.organisationWide() && providers.oauthSignIn(provider).audiences(registration)
                .contains(SignInAudience.PERSONAL)) {
            throw new InvalidInputException("organisationWide", "oauth.organisationWideNeedsDirectory");
        }
        if (added) {
            registrations.add(registration);
        }
        LOG.info(() -> "tenant=" + tenantId + " configured its " + provider + " app registration");
        return registration;
    }

    private CalendarProviderType requireOAuth(CalendarProviderType provider) {
        if (provider == null) {
            throw new InvalidInputException("provider", "oauth.notOAuth", Message.of("linking.thisKind"));
        }
        return providers.oauthSignIn(provider).type();
    }
}
