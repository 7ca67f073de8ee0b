package org.calsync.infrastructure.provider.graph;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * Microsoft 365 and Outlook.com over Graph: consent through the organisation's Entra application, change
 * notifications, getSchedule free/busy, and, once an administrator grants the application permission, every
 * mailbox reached as the application. The endpoints are Microsoft's own unless configured otherwise.
 */
@ApplicationScoped
public class Microsoft365Kind implements OAuthSignIn {

    static final ProviderTraits TRAITS = new ProviderTraits(CalendarProviderType.MICROSOFT_365, SignIn.OAUTH, null,
            "microsoft", true, true);

    /** {@code openid email} name the account that was connected; they grant no calendar access. */
    static final List<String> SCOPES = List.of("openid", "email", "offline_access", "Calendars.ReadWrite");

    @Inject
    @ConfigProperty(name = "calsync.microsoft.login", defaultValue = "https://login.microsoftonline.com/")
    String login;

    @Inject
    @ConfigProperty(name = "calsync.microsoft.graph", defaultValue = "https://graph.microsoft.com/v1.0/")
    String graph;

    @Override
    public CalendarProviderType type() {
        return TRAITS.type();
    }

    @Override
    public URI apiBase() {
        return URI.create(graph);
    }

    @Override
    public OAuthClient client(OAuthRegistration registration, String secret) {
        String endpoints = directory(registration) + "oauth2/v2.0/";
        // select_account: a person may link several Microsoft accounts, so they pick one instead of silently
        // connecting whichever the browser is signed in to.
        return new OAuthClient(URI.create(endpoints + "authorize"), URI.create(endpoints + "token"), null,
                registration.clientId(), secret, SCOPES, Map.of("prompt", "select_account"));
    }

    @Override
    public Optional<URI> adminConsentPage(OAuthRegistration registration, URI redirect) {
        if (registration.directoryId() == null) {
            return Optional.empty();
        }
        return Optional.of(URI.create(directory(registration) + "adminconsent?client_id="
                + URLEncoder.encode(registration.clientId(), StandardCharsets.UTF_8) + "&redirect_uri="
                + URLEncoder.encode(redirect.toString(), StandardCharsets.UTF_8)));
    }

    /** Graph's {@code .default} scope: whatever application permissions an administrator granted. */
    @Override
    public Optional<OAuthClient> applicationClient(OAuthRegistration registration, String secret) {
        OAuthClient delegated = client(registration, secret);
        URI api = apiBase();
        return Optional.of(new OAuthClient(delegated.authorizationEndpoint(), delegated.tokenEndpoint(), null,
                delegated.clientId(), secret, List.of(api.getScheme() + "://" + api.getAuthority() + "/.default"),
                Map.of()));
    }

    /** The sign-in address of the registration's Entra directory, ending in a slash. */
    private String directory(OAuthRegistration registration) {
        return login.replaceAll("/+$", "") + "/" + registration.directoryId() + "/";
    }
}
