package org.calsync.infrastructure.provider.graph;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.domain.model.calendar.AuthorizationServer.OAuthClient;
import org.calsync.domain.model.calendar.OAuthSignIn;
import org.calsync.domain.model.calendar.ProviderTraits;
import org.calsync.domain.model.calendar.ProviderTraits.SignIn;
import org.calsync.domain.model.calendar.SignInAudience;
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

    /** Microsoft's authorities that name no single directory. */
    static final String COMMON = "common";
    static final String CONSUMERS = "consumers";
    static final String ORGANIZATIONS = "organizations";

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
        return client(registration, secret, null);
    }

    /**
     * Through {@code common}, which takes both kinds of account, a person who chose Outlook.com is sent to the
     * personal sign-in and one who chose Microsoft 365 to the work one ({@code domain_hint}).
     */
    @Override
    public OAuthClient client(OAuthRegistration registration, String secret, SignInAudience wanted) {
        String endpoints = directory(registration) + "oauth2/v2.0/";
        // select_account: a person may link several Microsoft accounts, so they pick one instead of silently
        // connecting whichever the browser is signed in to.
        Map<String, String> parameters = new LinkedHashMap<>(Map.of("prompt", "select_account"));
        if (wanted != null && COMMON.equalsIgnoreCase(registration.directoryId())) {
            parameters.put("domain_hint", wanted == SignInAudience.PERSONAL ? CONSUMERS : ORGANIZATIONS);
        }
        return new OAuthClient(URI.create(endpoints + "authorize"), URI.create(endpoints + "token"), null,
                registration.clientId(), secret, SCOPES, Map.copyOf(parameters));
    }

    /**
     * The directory id says whose accounts sign in: {@code consumers} personal ones only (Outlook.com, Hotmail),
     * {@code common} personal and work ones, anything else (a directory, or {@code organizations}) work ones.
     */
    @Override
    public Set<SignInAudience> audiences(OAuthRegistration registration) {
        String directory = registration.directoryId();
        if (CONSUMERS.equalsIgnoreCase(directory)) {
            return EnumSet.of(SignInAudience.PERSONAL);
        }
        if (COMMON.equalsIgnoreCase(directory)) {
            return EnumSet.of(SignInAudience.WORK, SignInAudience.PERSONAL);
        }
        return EnumSet.of(SignInAudience.WORK);
    }

    /**
     * Only an application of one directory has an administrator who consents for everyone, and only it can act as
     * itself for every mailbox (the organisation-wide mode): personal accounts have neither.
     */
    @Override
    public Optional<URI> adminConsentPage(OAuthRegistration registration, URI redirect) {
        if (!namesOneDirectory(registration)) {
            return Optional.empty();
        }
        return Optional.of(URI.create(directory(registration) + "adminconsent?client_id="
                + URLEncoder.encode(registration.clientId(), StandardCharsets.UTF_8) + "&redirect_uri="
                + URLEncoder.encode(redirect.toString(), StandardCharsets.UTF_8)));
    }

    /** Graph's {@code .default} scope: whatever application permissions an administrator granted. */
    @Override
    public Optional<OAuthClient> applicationClient(OAuthRegistration registration, String secret) {
        if (!namesOneDirectory(registration)) {
            return Optional.empty();
        }
        OAuthClient delegated = client(registration, secret);
        URI api = apiBase();
        return Optional.of(new OAuthClient(delegated.authorizationEndpoint(), delegated.tokenEndpoint(), null,
                delegated.clientId(), secret, List.of(api.getScheme() + "://" + api.getAuthority() + "/.default"),
                Map.of()));
    }

    private static boolean namesOneDirectory(OAuthRegistration registration) {
        String directory = registration.directoryId();
        return directory != null && !List.of(COMMON, CONSUMERS, ORGANIZATIONS).contains(directory.toLowerCase(Locale.ROOT));
    }

    /** The sign-in address of the registration's Entra directory, ending in a slash. */
    private String directory(OAuthRegistration registration) {
        return login.replaceAll("/+$", "") + "/" + registration.directoryId() + "/";
    }
}
