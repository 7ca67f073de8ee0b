package org.calsync.application;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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

    public ProviderConnection connection(CalendarAccount account, ZoneId ownerZone) {
        ProviderConnection stored = account.connection(cipher, ownerZone);
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

    /** Revokes the account's grant where the provider can (Google); failing to is logged, never blocking removal. */
    public void revoke(CalendarAccount account) {
        try {
            OAuthTokens tokens = OAuthTokens.fromStoredForm(cipher.decrypt(account.secretCipher()));
            authorizationServer.revoke(clients.clientFor(account.tenantId(), account.provider()),
                    tokens.refreshToken() != null ? tokens.refreshToken() : tokens.accessToken());
        } catch (RuntimeException e) {
            LOG.warning(() -> "tenant=" + account.tenantId() + " account=" + account.id()
                    + " could not revoke its token: " + e.getMessage());
        }
    }
}
