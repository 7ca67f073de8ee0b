package org.calsync.infrastructure.provider.google;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.domain.model.calendar.AuthorizationServer.OAuthClient;
import org.calsync.domain.model.calendar.OAuthSignIn;
import org.calsync.domain.model.calendar.ProviderTraits;
import org.calsync.domain.model.calendar.ProviderTraits.SignIn;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.OAuthRegistration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Google Calendar: consent through the organisation's Google Cloud client, and push notifications (watch channels).
 * Google's free/busy only answers for calendars the account can see, so it is not asked for people who linked
 * nothing. The endpoints are Google's own unless configured otherwise.
 */
@ApplicationScoped
public class GoogleKind implements OAuthSignIn {

    static final ProviderTraits TRAITS = new ProviderTraits(CalendarProviderType.GOOGLE, SignIn.OAUTH, null, "google",
            false, false);

    /** {@code openid email} name the account that was connected; they grant no calendar access. */
    static final List<String> SCOPES = List.of("openid", "email", "https://www.googleapis.com/auth/calendar.events",
            "https://www.googleapis.com/auth/calendar.readonly", "https://www.googleapis.com/auth/calendar.freebusy");

    @Inject
    @ConfigProperty(name = "calsync.google.authorization-endpoint", defaultValue = "https://accounts.google.com/o/oauth2/v2/auth")
    String authorization;

    @Inject
    @ConfigProperty(name = "calsync.google.token-endpoint", defaultValue = "https://oauth2.googleapis.com/token")
    String token;

    @Inject
    @ConfigProperty(name = "calsync.google.revocation-endpoint", defaultValue = "https://oauth2.googleapis.com/revoke")
    String revocation;

    @Inject
    @ConfigProperty(name = "calsync.google.api", defaultValue = "https://www.googleapis.com/calendar/v3/")
    String api;

    @Override
    public CalendarProviderType type() {
        return TRAITS.type();
    }

    @Override
    public URI apiBase() {
        return URI.create(api);
    }

    @Override
    public OAuthClient client(OAuthRegistration registration, String secret) {
        // offline: a refresh token; consent: a new one each time, so reconnecting always yields one.
        return new OAuthClient(URI.create(authorization), URI.create(token), URI.create(revocation),
                registration.clientId(), secret, SCOPES, Map.of("access_type", "offline", "prompt", "consent"));
    }
}
