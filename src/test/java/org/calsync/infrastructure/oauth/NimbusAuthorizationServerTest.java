package org.calsync.infrastructure.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.AuthorizationServer.AuthorizationStart;
import org.calsync.domain.model.calendar.AuthorizationServer.Grant;
import org.calsync.domain.model.calendar.AuthorizationServer.OAuthClient;
import org.calsync.domain.model.calendar.OAuthTokens;
import org.calsync.domain.model.calendar.SignInAudience;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/** The OAuth adapter against mock-oauth2-server, a real authorization server: code with PKCE, refresh, revoke. */
class NimbusAuthorizationServerTest {

    private static final URI REDIRECT = URI.create("https://calsync.example.org/oauth/callback");

    private final NimbusAuthorizationServer adapter = new NimbusAuthorizationServer();
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private MockOAuth2Server server;
    private OAuthClient client;

    @BeforeEach
    void startServer() {
        server = new MockOAuth2Server();
        server.start();
        client = new OAuthClient(server.authorizationEndpointUrl("google").uri(), server.tokenEndpointUrl("google").uri(),
                server.url("google/revoke").uri(), "calsync-client", "calsync-secret",
                List.of("openid", "email", "https://www.googleapis.com/auth/calendar.events"),
                Map.of("access_type", "offline"));
    }

    @AfterEach
    void stopServer() {
        server.shutdown();
    }

    /** What the browser does: follows the authorization URL, and the server sends it back with a code. */
    private Map<String, String> authorize(AuthorizationStart start) throws IOException, InterruptedException {
        HttpResponse<Void> answer = browser.send(HttpRequest.newBuilder(start.location()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(302, answer.statusCode());
        URI back = URI.create(answer.headers().firstValue("Location").orElseThrow());
        assertTrue(back.toString().startsWith(REDIRECT.toString()), back.toString());
        return query(back);
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private void signsInAs(String email) {
        signsInWith(Map.of("email", email));
    }

    private void signsInWith(Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback("google", "sub-x", "JWT", null, claims, 3600));
    }

    @Test
    void microsoftsDirectoryClaimTellsAPersonalAccountFromAnOrganisationsAndGoogleTellsNeither() throws Exception {
        signsInWith(Map.of("preferred_username", "liam@outlook.example", "tid", NimbusAuthorizationServer.CONSUMER_DIRECTORY));
        assertEquals(SignInAudience.PERSONAL, redeemed().audience());
        signsInWith(Map.of("preferred_username", "bea@northwind.example", "tid", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"));
        Grant work = redeemed();
        assertEquals(SignInAudience.WORK, work.audience());
        assertEquals("bea@northwind.example", work.accountEmail());
        signsInAs("ines.moreau@gmail.example");
        assertNull(redeemed().audience(), "Google says nothing of whose account it is");
    }

    private Grant redeemed() throws IOException, InterruptedException {
        AuthorizationStart start = adapter.start(client, REDIRECT);
        return adapter.redeem(client, REDIRECT, authorize(start).get("code"), start.codeVerifier());
    }

    @Test
    void theAuthorizationRequestCarriesPkceStateScopesAndTheProvidersOwnParameters() {
        AuthorizationStart start = adapter.start(client, REDIRECT);
        Map<String, String> asked = query(start.location());
        assertEquals("code", asked.get("response_type"));
        assertEquals("S256", asked.get("code_challenge_method"));
        assertNotNull(asked.get("code_challenge"));
        assertNotEquals(start.codeVerifier(), asked.get("code_challenge"), "only the challenge leaves CalSync");
        assertEquals(start.state(), asked.get("state"));
        assertEquals("offline", asked.get("access_type"));
        assertTrue(asked.get("scope").contains("calendar.events"), asked.get("scope"));
        AuthorizationStart again = adapter.start(client, REDIRECT);
        assertNotEquals(start.state(), again.state(), "a new state every time");
        assertNotEquals(start.codeVerifier(), again.codeVerifier(), "a new verifier every time");
    }

    @Test
    void aCodeWithItsVerifierGivesTokensAndTheAccountsAddress() throws Exception {
        signsInAs("ines.moreau@gmail.example");
        AuthorizationStart start = adapter.start(client, REDIRECT);
        Map<String, String> back = authorize(start);
        assertEquals(start.state(), back.get("state"));

        Grant grant = adapter.redeem(client, REDIRECT, back.get("code"), start.codeVerifier());
        assertEquals("ines.moreau@gmail.example", grant.accountEmail());
        assertNotNull(grant.tokens().refreshToken());
        assertTrue(grant.tokens().expiresAt().isAfter(Instant.now().plusSeconds(3000)), grant.tokens().toString());

        OAuthTokens refreshed = adapter.refresh(client, grant.tokens().refreshToken());
        assertNotEquals(grant.tokens().accessToken(), refreshed.accessToken());
    }

    @Test
    void aCodeWithAnotherVerifierIsRefused() throws Exception {
        AuthorizationStart start = adapter.start(client, REDIRECT);
        Map<String, String> back = authorize(start);
        String otherVerifier = adapter.start(client, REDIRECT).codeVerifier();
        AuthorisationLostException refused = assertThrows(AuthorisationLostException.class,
                () -> adapter.redeem(client, REDIRECT, back.get("code"), otherVerifier));
        assertTrue(refused.getMessage().contains("invalid_grant"), refused.getMessage());
    }

    @Test
    void aRevokedOrUnknownRefreshTokenIsInvalidGrant() throws Exception {
        AuthorizationStart start = adapter.start(client, REDIRECT);
        Grant grant = adapter.redeem(client, REDIRECT, authorize(start).get("code"), start.codeVerifier());
        adapter.revoke(client, grant.tokens().refreshToken());
        AuthorisationLostException revoked = assertThrows(AuthorisationLostException.class,
                () -> adapter.refresh(client, grant.tokens().refreshToken()));
        assertTrue(revoked.getMessage().contains("invalid_grant"), revoked.getMessage());
        assertThrows(AuthorisationLostException.class, () -> adapter.refresh(client, "made-up"));
    }

    @Test
    void aServerThatIsDownIsUnavailableNotARevocation() {
        server.shutdown();
        assertThrows(ProviderUnavailableException.class, () -> adapter.refresh(client, "any"));
        server = new MockOAuth2Server();
        server.start();
    }

    @Test
    void storedTokensSurviveTheRoundTripAndAreRefreshedEarly() {
        OAuthTokens tokens = new OAuthTokens("access", "refresh", Instant.parse("2026-05-04T10:00:00Z"));
        assertEquals(tokens, OAuthTokens.fromStoredForm(tokens.storedForm()));
        assertTrue(tokens.expiresWithin(Duration.ofMinutes(5), Instant.parse("2026-05-04T09:56:00Z")));
        assertTrue(!tokens.expiresWithin(Duration.ofMinutes(5), Instant.parse("2026-05-04T09:50:00Z")));
        OAuthTokens kept = tokens.refreshedWith(new OAuthTokens("new", null, Instant.parse("2026-05-04T11:00:00Z")));
        assertEquals("refresh", kept.refreshToken(), "a refresh without a new refresh token keeps the old one");
        assertTrue(!tokens.toString().contains("access"), "toString never shows a token");
    }

    @Test
    void theApplicationGetsATokenOfItsOwnForTheScopesItAsksFor() throws Exception {
        OAuthClient application = new OAuthClient(server.authorizationEndpointUrl("entra").uri(),
                server.tokenEndpointUrl("entra").uri(), null, "calsync-app", "app-secret",
                List.of("https://graph.microsoft.com/.default"), Map.of());
        OAuthTokens tokens = adapter.clientCredentials(application);
        assertTrue(tokens.accessToken().length() > 20, tokens.accessToken());
        assertNull(tokens.refreshToken(), "client credentials never come with a refresh token");
        String request = server.takeRequest().getBody().readUtf8();
        assertTrue(request.contains("grant_type=client_credentials"), request);
        assertTrue(URLDecoder.decode(request, StandardCharsets.UTF_8).contains("scope=https://graph.microsoft.com/.default"),
                request);
    }
}
