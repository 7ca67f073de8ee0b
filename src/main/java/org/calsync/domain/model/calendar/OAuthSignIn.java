package org.calsync.domain.model.calendar;

import java.net.URI;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.calsync.domain.model.calendar.AuthorizationServer.OAuthClient;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.OAuthRegistration;

/**
 * How people of one OAuth kind of calendar sign in: the provider's endpoints and the least scopes CalSync needs,
 * declared next to that kind's adapter. The endpoints are the provider's own unless configured otherwise (a test
 * server, a national cloud).
 */
public interface OAuthSignIn {

    CalendarProviderType type();

    /** The API every account of this kind is reached at; accounts keep it as their server. */
    URI apiBase();

    /** The client a person consents to, with the organisation's registered id and secret. */
    OAuthClient client(OAuthRegistration registration, String secret);

    /**
     * The client a person consents to when they chose which kind of account they connect; the provider may then
     * send them straight to that kind's sign-in.
     */
    default OAuthClient client(OAuthRegistration registration, String secret, SignInAudience wanted) {
        return client(registration, secret);
    }

    /** Whose accounts the registration lets people connect. */
    default Set<SignInAudience> audiences(OAuthRegistration registration) {
        return EnumSet.of(SignInAudience.WORK);
    }

    /**
     * The page where the provider's directory administrator consents once for everyone, so that nobody sees a
     * consent prompt of their own; empty where the provider has none or the registration is incomplete.
     */
    default Optional<URI> adminConsentPage(OAuthRegistration registration, URI redirect) {
        return Optional.empty();
    }

    /**
     * The organisation's application acting as itself (client credentials), with whatever application
     * permissions an administrator granted it; empty where the provider has no such grant.
     */
    default Optional<OAuthClient> applicationClient(OAuthRegistration registration, String secret) {
        return Optional.empty();
    }
}
