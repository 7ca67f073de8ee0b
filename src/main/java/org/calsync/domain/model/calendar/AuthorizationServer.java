package org.calsync.domain.model.calendar;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The port to an OAuth 2.0 authorization server (Microsoft Entra, Google): the authorization-code flow
 * with PKCE, refresh and revocation. Speaks only domain types; the adapter owns the protocol.
 */
public interface AuthorizationServer {

    /**
     * Where to send the person's browser: a new {@code state} and PKCE verifier (S256) each time, which the
     * caller keeps with the person's session and gives back to {@link #redeem}.
     */
    AuthorizationStart start(OAuthClient client, URI redirectUri);

    /**
     * Exchanges the code the provider sent back for tokens.
     *
     * @throws AuthorisationLostException when the server refuses the code or the verifier
     */
    Grant redeem(OAuthClient client, URI redirectUri, String code, String codeVerifier);

    /**
     * New tokens from the refresh token.
     *
     * @throws AuthorisationLostException on {@code invalid_grant}: consent was revoked or the token expired
     * @throws ProviderUnavailableException when the server cannot be reached or fails
     */
    OAuthTokens refresh(OAuthClient client, String refreshToken);

    /**
     * A token for the application itself (client credentials), for the scopes of the client: the
     * organisation-wide mode, in which an administrator granted CalSync access to every mailbox.
     *
     * @throws AuthorisationLostException when the directory refuses the application (no admin consent, a
     *                                    wrong or expired client secret)
     */
    OAuthTokens clientCredentials(OAuthClient client);

    /** Revokes the token where the provider has a revocation endpoint; does nothing otherwise. */
    void revoke(OAuthClient client, String token);

    /**
     * One tenant's app registration as the authorization server knows it, with its endpoints.
     *
     * @param revocationEndpoint      null where the provider has none
     * @param authorizationParameters provider-specific ones, e.g. Google's {@code access_type=offline}
     */
    record OAuthClient(URI authorizationEndpoint, URI tokenEndpoint, URI revocationEndpoint, String clientId,
            String clientSecret, List<String> scopes, Map<String, String> authorizationParameters) {

        public OAuthClient {
            Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
            Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
            scopes = List.copyOf(scopes);
            authorizationParameters = Map.copyOf(authorizationParameters);
        }

        @Override
        public String toString() {
            return "OAuthClient[" + clientId + "@" + tokenEndpoint + "]";
        }
    }

    /** The browser's first stop, and what must be kept to finish the flow. */
    record AuthorizationStart(URI location, String state, String codeVerifier) {

        @Override
        public String toString() {
            return "AuthorizationStart[" + location.getHost() + "]";
        }
    }

    /**
     * The tokens of a finished flow and the account they belong to (from the ID token), when it says; {@code
     * audience} is whose account it is (Microsoft's directory claim tells a personal account), null when unsaid.
     */
    record Grant(OAuthTokens tokens, String accountEmail, SignInAudience audience) {
    }
}
