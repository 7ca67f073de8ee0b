package org.calsync.application.connection;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.AuthorizationServer;
import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.calendar.OAuthTokens;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.SecretCipher;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.TenantId;

/**
 * A fresh access token for an OAuth account. Tokens are refreshed a few minutes before they end and stored
 * again, encrypted, in the caller's transaction or a new one. A refused refresh ({@code invalid_grant}) is
 * an {@link AuthorisationLostException}, which the callers turn into "needs re-consent"; it does not roll back
 * their transaction, since that is where they record it.
 */
@ApplicationScoped
@Transactional(value = Transactional.TxType.REQUIRED,
        dontRollbackOn = {AuthorisationLostException.class, ProviderUnavailableException.class})
public class OAuthAccess {

    private static final Logger LOG = Logger.getLogger(OAuthAccess.class.getName());
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    @Inject
    private AuthorizationServer authorizationServer;

    @Inject
    private OAuthClients clients;

    @Inject
    private SecretCipher cipher;

    @Inject
    private CalendarAccountRepository accounts;

    /** Application tokens by tenant and client secret, so that a changed secret never reuses an old token. */
    private final Map<String, OAuthTokens> applicationTokens = new ConcurrentHashMap<>();

    /** Linked in the organisation-wide mode: no tokens of the person's own, the application acts for them. */
    public boolean actsAsApplication(CalendarAccount account) {
        return noTokensIn(cipher.decrypt(account.secretCipher()));
    }

    private static boolean noTokensIn(String storedSecret) {
        return storedSecret == null || storedSecret.isEmpty();
    }

    public ProviderConnection connection(CalendarAccount account, ZoneId ownerZone) {
        ProviderConnection stored = account.connection(cipher, ownerZone);
        if (noTokensIn(stored.secret())) {
            // Linked in the organisation-wide mode: the application acts for the person's mailbox.
            return applicationConnection(account.provider(), account.tenantId(), account.username(), ownerZone);
        }
        OAuthTokens tokens = OAuthTokens.fromStoredForm(stored.secret());
        if (tokens.expiresWithin(REFRESH_MARGIN, Instant.now())) {
            tokens = tokens.refreshedWith(authorizationServer.refresh(
                    clients.clientFor(account.tenantId(), account.provider()), tokens.refreshToken()));
            String renewed = cipher.encrypt(tokens.storedForm());
            accounts.find(account.tenantId(), account.id()).ifPresent(managed -> managed.renewSecret(renewed));
            LOG.fine(() -> "tenant=" + account.tenantId() + " account=" + account.id() + " refreshed its access token");
        }
        return new ProviderConnection(stored.server(), stored.username(), tokens.accessToken(), ownerZone);
    }

    /**
     * The provider reached as the organisation's application (Graph's application permission), acting for one
     * mailbox by address. The application's token is shared by every mailbox of the tenant and asked for again
     * shortly before it ends.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProviderConnection applicationConnection(CalendarProviderType provider, TenantId tenantId, String mailbox,
            ZoneId ownerZone) {
        AuthorizationServer.OAuthClient client = clients.applicationClientFor(tenantId, provider);
        String key = tenantId + " " + provider + " " + client.clientId() + " " + Integer.toHexString(client.clientSecret().hashCode());
        OAuthTokens tokens = applicationTokens.get(key);
        if (tokens == null || tokens.expiresWithin(REFRESH_MARGIN, Instant.now())) {
            tokens = authorizationServer.clientCredentials(client);
            applicationTokens.put(key, tokens);
            LOG.fine(() -> "tenant=" + tenantId + " has a new application token");
        }
        return new ProviderConnection(clients.apiBase(provider), client.clientId(),
                tokens.accessToken(), ownerZone, mailbox);
    }

    /** Revokes the account's grant where the provider can (Google); failing to is logged, never blocking removal. */
    public void revoke(CalendarAccount account) {
        try {
            if (actsAsApplication(account)) {
                return; // the organisation's grant, which stays for everyone else
            }
            OAuthTokens tokens = OAuthTokens.fromStoredForm(cipher.decrypt(account.secretCipher()));
            authorizationServer.revoke(clients.clientFor(account.tenantId(), account.provider()),
                    tokens.refreshToken() != null ? tokens.refreshToken() : tokens.accessToken());
        } catch (RuntimeException e) {
            LOG.warning(() -> "tenant=" + account.tenantId() + " account=" + account.id()
                    + " could not revoke its token: " + e.getMessage());
        }
    }
}
