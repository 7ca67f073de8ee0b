package org.calsync.application.connection;

import java.net.URI;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderTraits;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.SecretCipher;
import org.calsync.domain.model.calendar.ServerOptions;
import org.calsync.domain.model.tenant.ExchangeSettings;
import org.calsync.domain.model.tenant.ExchangeSettingsRepository;
import org.calsync.domain.model.tenant.TenantId;

/**
 * How to reach a linked account now. Most accounts carry their own address and credentials. Exchange
 * accounts follow the tenant's Exchange settings: its current EWS address, and in impersonation mode the
 * service account acting for the person's mailbox, so a changed service password reaches every account.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccountConnections {

    private final ExchangeSettingsRepository exchange;
    private final SecretCipher cipher;
    private final OAuthAccess oauth;
    private final CalendarProviders providers;

    @Inject
    public AccountConnections(ExchangeSettingsRepository exchange, SecretCipher cipher, OAuthAccess oauth,
            CalendarProviders providers) {
        this.exchange = exchange;
        this.cipher = cipher;
        this.oauth = oauth;
        this.providers = providers;
    }

    /** For the container's proxy only. */
    protected AccountConnections() {
        this(null, null, null, null);
    }

    public ProviderConnection of(CalendarAccount account, ZoneId ownerZone) {
        return switch (signIn(account)) {
            case OAUTH -> oauth.connection(account, ownerZone);
            case PASSWORD, APP_PASSWORD -> account.connection(cipher, ownerZone);
            case DIRECTORY -> exchangeConnection(account, ownerZone);
        };
    }

    /** Through the organisation's Exchange settings: its EWS address, and its service account where it uses one. */
    private ProviderConnection exchangeConnection(CalendarAccount account, ZoneId ownerZone) {
        ExchangeSettings settings = exchangeSettings(account.tenantId());
        if (settings.usesServiceAccount()) {
            return serviceAccount(settings, ownerZone, account.username());
        }
        ProviderConnection own = account.connection(cipher, ownerZone);
        return perUser(settings, own.username(), own.secret(), ownerZone);
    }

    /**
     * Whether the organisation's own credentials reach this account (an Exchange service account, Microsoft
     * 365's application permission), so that only an administrator can mend it.
     */
    public boolean reachedByTheOrganisation(CalendarAccount account) {
        ProviderTraits traits = providers.traitsOf(account.provider());
        if (!traits.organisationWide()) {
            return false;
        }
        return switch (traits.signIn()) {
            case DIRECTORY -> exchange.find(account.tenantId()).map(ExchangeSettings::usesServiceAccount).orElse(false);
            case OAUTH -> oauth.actsAsApplication(account);
            case PASSWORD, APP_PASSWORD -> false;
        };
    }

    private ProviderTraits.SignIn signIn(CalendarAccount account) {
        return providers.traitsOf(account.provider()).signIn();
    }

    /** A person's own Windows sign-in, with the organisation's Exchange options. */
    public ProviderConnection perUser(ExchangeSettings settings, String username, String password, ZoneId ownerZone) {
        return new ProviderConnection(ewsUrl(settings), username, password, ownerZone, null, options(settings));
    }

    /** The service account acting for one mailbox. */
    public ProviderConnection serviceAccount(ExchangeSettings settings, ZoneId ownerZone, String mailbox) {
        return new ProviderConnection(ewsUrl(settings), settings.serviceUsername(), serviceSecret(settings), ownerZone,
                mailbox, options(settings));
    }

    public String serviceSecret(ExchangeSettings settings) {
        return cipher.decrypt(settings.serviceSecretCipher());
    }

    private static URI ewsUrl(ExchangeSettings settings) {
        return URI.create(settings.effectiveEwsUrl().orElseThrow(() -> new ProviderUnavailableException(
                FailureKind.OTHER, "Exchange's address is not known yet: Autodiscover has not found it. An admin can "
                        + "enter the EWS address under Integration.", null, null)));
    }

    /** The organisation's Exchange options, as every connection to its Exchange carries them. */
    public static ServerOptions options(ExchangeSettings settings) {
        return new ServerOptions(settings.authScheme(), settings.serverVersion(), settings.trustedCertificates());
    }

    /** Changes whenever the credentials this account is reached with change; never reveals them. */
    public String credentialsTag(CalendarAccount account) {
        if (signIn(account) == ProviderTraits.SignIn.DIRECTORY) {
            ExchangeSettings settings = exchangeSettings(account.tenantId());
            if (settings.usesServiceAccount()) {
                return "svc-" + Integer.toHexString(String.valueOf(settings.serviceSecretCipher()).hashCode());
            }
        }
        return account.credentialsTag();
    }

    private ExchangeSettings exchangeSettings(TenantId tenantId) {
        return exchange.find(tenantId).orElseThrow(() -> new ProviderUnavailableException(FailureKind.OTHER,
                "Exchange is not configured for this organisation: an admin sets it up under Integration.", null, null));
    }
}
