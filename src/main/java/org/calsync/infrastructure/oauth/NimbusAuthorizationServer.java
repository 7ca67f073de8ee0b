package org.calsync.infrastructure.oauth;

import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.AuthorizationServer;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.OAuthTokens;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.SignInAudience;

/**
 * Talks OAuth 2.0 to Microsoft Entra and Google with the Nimbus SDK. The client authenticates with its
 * secret in the form body, which both accept. The account's address comes from the ID token that the token
 * endpoint returns over TLS; per OpenID Connect Core 3.1.3.7 that channel stands in for checking its signature.
 */
@ApplicationScoped
public class NimbusAuthorizationServer implements AuthorizationServer {

    private static final Logger LOG = Logger.getLogger(NimbusAuthorizationServer.class.getName());
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 30_000;
    /** Assumed when a token response gives no lifetime: short, so that a refresh comes early rather than late. */
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(30);
    /** The Entra directory of every personal Microsoft account, as Microsoft documents for the tid claim. */
    static final String CONSUMER_DIRECTORY = "9188040d-6c67-4c5b-b112-36a304b66dad";

    @Override
    public AuthorizationStart start(OAuthClient client, URI redirectUri) {
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        AuthorizationRequest.Builder request = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new ClientID(client.clientId())).endpointURI(client.authorizationEndpoint()).redirectionURI(redirectUri)
                .scope(new Scope(client.scopes().toArray(String[]::new))).state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        client.authorizationParameters().forEach(request::customParameter);
        return new AuthorizationStart(request.build().toURI(), state.getValue(), verifier.getValue());
    }

    @Override
    public Grant redeem(OAuthClient client, URI redirectUri, String code, String codeVerifier) {
        AccessTokenResponse success = requestTokens(client, new AuthorizationCodeGrant(new AuthorizationCode(code),
                redirectUri, new CodeVerifier(codeVerifier)), "The sign-in could not be completed");
        Optional<JWTClaimsSet> claims = idTokenClaims(success.getCustomParameters());
        return new Grant(tokens(success), claims.map(NimbusAuthorizationServer::accountEmail).orElse(null),
                claims.map(NimbusAuthorizationServer::audience).orElse(null));
    }

    @Override
    public OAuthTokens refresh(OAuthClient client, String refreshToken) {
        if (refreshToken == null) {
            throw new AuthorisationLostException("The provider gave no refresh token; the person must connect again.");
        }
        return tokens(requestTokens(client, new RefreshTokenGrant(new RefreshToken(refreshToken)),
                "Consent was revoked or has expired"));
    }

    @Override
    public OAuthTokens clientCredentials(OAuthClient client) {
        return tokens(requestTokens(client, new ClientCredentialsGrant(), new Scope(client.scopes().toArray(String[]::new)),
                "The directory refused CalSync's application permission"));
    }

    @Override
    public void revoke(OAuthClient client, String token) {
        if (client.revocationEndpoint() == null || token == null) {
            return;
        }
        HTTPRequest request = new TokenRevocationRequest(client.revocationEndpoint(), authentication(client),
                new RefreshToken(token)).toHTTPRequest();
        HTTPResponse response = send(request);
        // 400 invalid_token: already revoked or expired, which is what was wanted.
        if (response.getStatusCode() >= 500) {
            throw unavailable(response, FailureKind.OTHER, "Revoking the token failed");
        }
    }

    private AccessTokenResponse requestTokens(OAuthClient client, AuthorizationGrant grant, String refusal) {
        return requestTokens(client, grant, null, refusal);
    }

    private AccessTokenResponse requestTokens(OAuthClient client, AuthorizationGrant grant, Scope scope, String refusal) {
        HTTPRequest request = new TokenRequest(client.tokenEndpoint(), authentication(client), grant, scope)
                .toHTTPRequest();
        HTTPResponse response = send(request);
        if (response.getStatusCode() == 429 || response.getStatusCode() >= 500) {
            throw unavailable(response, FailureKind.BUSY, "The sign-in service is busy or failing");
        }
        TokenResponse parsed;
        try {
            parsed = TokenResponse.parse(response);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new ProviderUnavailableException(FailureKind.UNREADABLE,
                    "The sign-in service sent an unreadable answer (HTTP "
                    + response.getStatusCode() + ")", null, e);
        }
        if (!parsed.indicatesSuccess()) {
            ErrorObject error = parsed.toErrorResponse().getErrorObject();
            String code = error == null || error.getCode() == null ? "error" : error.getCode();
            String detail = error == null || error.getDescription() == null ? "" : ": " + error.getDescription();
            if (OAuth2Error.INVALID_GRANT.getCode().equals(code) || OAuth2Error.INVALID_CLIENT.getCode().equals(code)
                    || OAuth2Error.UNAUTHORIZED_CLIENT.getCode().equals(code)) {
                throw new AuthorisationLostException(refusal + " (" + code + detail + ").");
            }
            throw new AuthorisationLostException("The sign-in service refused the request (" + code + detail + ").");
        }
        return parsed.toSuccessResponse();
    }

    private static HTTPResponse send(HTTPRequest request) {
        request.setConnectTimeout(CONNECT_TIMEOUT_MS);
        request.setReadTimeout(READ_TIMEOUT_MS);
        try {
            return request.send();
        } catch (IOException e) {
            throw new ProviderUnavailableException(FailureKind.UNREACHABLE,
                    "The sign-in service could not be reached: " + request.getURI().getHost()
                    + " (" + e.getClass().getSimpleName() + ")", null, e);
        }
    }

    private static ProviderUnavailableException unavailable(HTTPResponse response, FailureKind kind, String what) {
        Duration retryAfter = null;
        String header = response.getHeaderValue("Retry-After");
        if (header != null && header.strip().matches("\\d{1,6}")) {
            retryAfter = Duration.ofSeconds(Long.parseLong(header.strip()));
        }
        return new ProviderUnavailableException(kind,
                what + " (HTTP " + response.getStatusCode() + ")", retryAfter, null);
    }

    private static ClientAuthentication authentication(OAuthClient client) {
        return new ClientSecretPost(new ClientID(client.clientId()), new Secret(client.clientSecret()));
    }

    private static OAuthTokens tokens(AccessTokenResponse success) {
        Tokens tokens = success.getTokens();
        long lifetime = tokens.getAccessToken().getLifetime();
        Instant expiresAt = Instant.now().plus(lifetime > 0 ? Duration.ofSeconds(lifetime) : DEFAULT_LIFETIME);
        RefreshToken refresh = tokens.getRefreshToken();
        return new OAuthTokens(tokens.getAccessToken().getValue(), refresh == null ? null : refresh.getValue(), expiresAt);
    }

    private static Optional<JWTClaimsSet> idTokenClaims(Map<String, Object> parameters) {
        if (!(parameters.get("id_token") instanceof String jwt)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JWTParser.parse(jwt).getJWTClaimsSet());
        } catch (ParseException e) {
            LOG.warning(() -> "The token endpoint sent an unreadable ID token: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The signed-in account's address from the ID token: email (Google), else preferred_username (Entra). */
    private static String accountEmail(JWTClaimsSet claims) {
        for (String claim : List.of("email", "preferred_username", "upn", "sub")) {
            Object value = claims.getClaim(claim);
            if (value instanceof String text && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }

    /**
     * Whose account signed in, from Microsoft's directory claim ({@code tid}): the consumer directory holds every
     * personal account (Outlook.com, Hotmail), any other is an organisation's. Google says nothing: null.
     */
    private static SignInAudience audience(JWTClaimsSet claims) {
        Object directory = claims.getClaim("tid");
        // Entra's directories are GUIDs; a tid of another shape (a test issuer's name, say) tells nothing.
        if (!(directory instanceof String tid) || !tid.matches("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")) {
            return null;
        }
        return CONSUMER_DIRECTORY.equalsIgnoreCase(tid) ? SignInAudience.PERSONAL : SignInAudience.WORK;
    }
}
