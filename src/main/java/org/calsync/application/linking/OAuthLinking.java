package org.calsync.application.linking;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.connection.CalendarProviders;
import org.calsync.application.connection.OAuthClients;
import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.SignInAudience;
import org.calsync.domain.model.calendar.AuthorizationServer.AuthorizationStart;
import org.calsync.domain.model.calendar.AuthorizationServer.Grant;
import org.calsync.domain.model.calendar.AuthorizationServer.OAuthClient;
import org.calsync.domain.model.calendar.AuthorizationServer;
import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.RemoteCalendar;
import org.calsync.domain.model.calendar.SecretCipher;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.model.tenant.TenantRepository;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.Message;

/**
 * Connecting Microsoft 365 and Google through the provider's consent page: {@link #begin} says where to send
 * the person, {@link #complete} redeems what comes back. Connecting an account that is linked already (the
 * same address) is a re-consent: its tokens are replaced and syncing resumes.
 */
@ApplicationScoped
@Transactional
public class OAuthLinking {

    private static final Logger LOG = Logger.getLogger(OAuthLinking.class.getName());

    @Inject
    private TenantRepository tenants;

    @Inject
    private CalendarAccountRepository accounts;

    @Inject
    private OAuthClients clients;

    @Inject
    private AuthorizationServer authorizationServer;

    @Inject
    private CalendarProviders providers;

    @Inject
    private SecretCipher cipher;

    @Inject
    private CalendarLinking linking;

    @Transactional(Transactional.TxType.SUPPORTS)
    /**
     * @param wanted the kind of account the person chose to connect (work, or personal: Outlook.com), or null when
     *        they did not say (reconnecting an account)
     */
    public AuthorizationStart begin(TenantId tenantId, String personId, CalendarProviderType type, SignInAudience wanted) {
        mayConsent(tenants.find(tenantId).orElseThrow(), personId, type);
        if (wanted != null && !clients.audiences(tenantId, type).contains(wanted)) {
            throw new InvalidInputException("provider", wanted == SignInAudience.PERSONAL ? "oauth.noPersonalAccounts"
                    : "oauth.noWorkAccounts", Message.of("provider." + type.name()));
        }
        return authorizationServer.start(clients.clientFor(tenantId, type, wanted), clients.redirectUri());
    }

    /**
     * @param chosen the kind of account the person chose to connect, which tells whose account it is when the
     *        provider's token does not (null when they did not choose)
     */
    public CalendarAccount complete(TenantId tenantId, String personId, CalendarProviderType type, String code,
            String codeVerifier, SignInAudience chosen) {
        Tenant tenant = tenants.find(tenantId).orElseThrow();
        Person person = mayConsent(tenant, personId, type);
        OAuthClient client = clients.clientFor(tenantId, type);
        Grant grant;
        String username;
        List<RemoteCalendar> found;
        try {
            grant = authorizationServer.redeem(client, clients.redirectUri(), code, codeVerifier);
            // The account is named by the address the provider confirmed, else by the person's own.
            username = grant.accountEmail() != null ? grant.accountEmail() : person.email();
            found = providers.forType(type).listCalendars(new ProviderConnection(clients.apiBase(type), username,
                    grant.tokens().accessToken(), person.timeZone()));
        } catch (AuthorisationLostException | ProviderUnavailableException e) {
            throw new InvalidInputException("provider", "oauth.notCompleted", Message.of("provider." + type.name()),
                    e.getMessage());
        }
        if (found.isEmpty()) {
            throw new InvalidInputException("provider", "linking.noCalendars");
        }
        String secret = cipher.encrypt(grant.tokens().storedForm());
        Optional<CalendarAccount> linkedAlready = accounts.listForPerson(tenantId, personId).stream()
                .filter(a -> a.provider() == type && a.username().equalsIgnoreCase(username)).findFirst();
        CalendarAccount account;
        if (linkedAlready.isPresent()) {
            account = linkedAlready.get();
            account.reconnect(secret);
            linking.resumeAfterReconnect(tenant, person);
        } else {
            account = new CalendarAccount(tenantId, personId, type, clients.apiBase(type), username, secret,
                    tenant.settings().defaultPrivacyMode(), found);
            accounts.add(account);
            linking.calendarsChanged(tenant, person);
        }
        // Microsoft's token says whose account signed in (its directory); failing that, the person's own choice does.
        account.signedInAs(grant.audience() != null ? grant.audience() : chosen);
        CalendarAccount done = account;
        LOG.info(() -> "tenant=" + tenantId + " account=" + done.id() + (linkedAlready.isPresent() ? " re-consented "
                : " connected ") + type + " with " + found.size() + " calendars");
        return account;
    }

    private Person mayConsent(Tenant tenant, String personId, CalendarProviderType type) {
        Person person = linking.mayLink(tenant, personId, type);
        if (!providers.traitsOf(type).usesOAuth()) {
            throw new InvalidInputException("provider", "linking.providerNotEnabled", Message.of("provider." + type.name()));
        }
        return person;
    }
}
