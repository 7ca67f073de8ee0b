package org.calsync.application.linking;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.connection.AccountConnections;
import org.calsync.application.connection.CalendarProviders;
import org.calsync.application.connection.OAuthAccess;
import org.calsync.application.connection.OAuthClients;
import org.calsync.application.sessions.PushPlanner;
import org.calsync.application.setup.ExchangeSetup;
import org.calsync.application.watch.ChangeWatches;
import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.BusyBlockRepository;
import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.calendar.CalendarOwnerLock;
import org.calsync.domain.model.calendar.CalendarProvider;
import org.calsync.domain.model.calendar.EventLinkRepository;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderTraits;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.RemoteCalendar;
import org.calsync.domain.model.calendar.SecretCipher;
import org.calsync.domain.model.calendar.WatchGrant;
import org.calsync.domain.model.person.Permission;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.session.TrainingSessionRepository;
import org.calsync.domain.model.sync.OutboxEntry;
import org.calsync.domain.model.sync.OutboxRepository;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.ExchangeSettings;
import org.calsync.domain.model.tenant.ExchangeSettingsRepository;
import org.calsync.domain.model.tenant.PrivacyMode;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.model.tenant.TenantRepository;
import org.calsync.domain.shared.ConflictException;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.Message;
import org.calsync.domain.shared.UnknownEntityException;
import org.calsync.domain.shared.Validation;

/** Linking, configuring and removing a person's external calendar accounts. */
@ApplicationScoped
@Transactional
public class CalendarLinking {

    private static final Logger LOG = Logger.getLogger(CalendarLinking.class.getName());

    @Inject
    private TenantRepository tenants;

    @Inject
    private PersonRepository people;

    @Inject
    private CalendarAccountRepository accounts;

    @Inject
    private EventLinkRepository links;

    @Inject
    private BusyBlockRepository busyBlocks;

    @Inject
    private TrainingSessionRepository sessions;

    @Inject
    private CalendarProviders providers;

    @Inject
    private SecretCipher cipher;

    @Inject
    private PushPlanner push;

    @Inject
    private OutboxRepository outbox;

    @Inject
    private AccountConnections connections;

    @Inject
    private ExchangeSettingsRepository exchange;

    @Inject
    private AccountRemoval removal;

    @Inject
    private CalendarOwnerLock ownerLock;

    @Inject
    private ExchangeSetup exchangeSetup;

    @Inject
    private OAuthAccess oauth;

    @Inject
    private OAuthClients oauthClients;

    @Inject
    private Event<ChangeWatches.CalendarsChanged> calendarsChanged;

    /**
     * Checks the credentials by discovering the calendars, then stores the account with its secret encrypted.
     * Exchange accounts use the tenant's EWS address; in impersonation mode the person enters nothing and the
     * service account is checked against their mailbox.
     */
    public CalendarAccount link(TenantId tenantId, String personId, CalendarProviderType type, String serverUrl,
            String username, String password) {
        Tenant tenant = tenants.find(tenantId).orElseThrow();
        Person person = mayLink(tenant, personId, type);
        ProviderTraits traits = providers.traitsOf(type);
        Credentials credentials = switch (traits.signIn()) {
            case OAUTH -> organisationWideCredentials(tenantId, person, type);
            case DIRECTORY -> exchangeCredentials(tenantId, person, username, password);
            case PASSWORD, APP_PASSWORD -> new Credentials(server(serverUrl, traits), required(username, "username",
                    "linking.usernameRequired").strip(), required(password, "password", "linking.passwordRequired"), null);
        };
        boolean linkedAlready = accounts.listForPerson(tenantId, personId).stream().anyMatch(a -> a.provider() == type
                && a.username().equalsIgnoreCase(credentials.username())
                && a.serverUrl().equals(credentials.server().toString()));
        if (linkedAlready) {
            throw new ConflictException("provider", "linking.linkedAlready");
        }
        List<RemoteCalendar> found = discover(type, credentials.connection(person.timeZone()), credentials.secretField());
        PrivacyMode privacy = tenant.settings().defaultPrivacyMode();
        CalendarAccount account = new CalendarAccount(tenantId, personId, type, credentials.server(),
                credentials.username(), cipher.encrypt(credentials.password()), privacy, found);
        accounts.add(account);
        calendarsChanged(tenant, person);
        LOG.info(() -> "tenant=" + tenantId + " account=" + account.id() + " linked " + type + " with " + found.size()
                + " calendars");
        return account;
    }

    /**
     * Microsoft 365 in the organisation-wide mode: the application acts for the person's mailbox by address,
     * and nothing of the person's own is stored. Otherwise there is no password ever: these accounts are
     * connected through the provider's own consent page.
     */
    private Credentials organisationWideCredentials(TenantId tenantId, Person person, CalendarProviderType type) {
        if (!oauthClients.reachesEveryMailbox(tenantId, type)) {
            throw new InvalidInputException("provider", "linking.useConsent", Message.of("provider." + type.name()));
        }
        ProviderConnection connection = oauth.applicationConnection(type, tenantId, person.email(), person.timeZone());
        return new Credentials(connection.server(), person.email(), "", connection);
    }

    private Credentials exchangeCredentials(TenantId tenantId, Person person, String username, String password) {
        ExchangeSettings settings = exchange.find(tenantId)
                .orElseThrow(() -> new InvalidInputException("provider", "linking.exchangeNotSetUp"));
        if (settings.usesServiceAccount()) {
            // The service account acts for the person's mailbox; nothing of the person's own is stored.
            ProviderConnection connection = connections.serviceAccount(settings, person.timeZone(), person.email());
            return new Credentials(connection.server(), person.email(), "", connection);
        }
        String user = required(username, "username", "linking.windowsUserRequired").strip();
        String secret = required(password, "password", "linking.windowsPasswordRequired");
        // With no address known yet, the first person to connect finds it through Autodiscover, as Outlook would.
        exchangeSetup.discoverIfNeeded(settings, person.email(), user, secret, "password");
        ProviderConnection connection = connections.perUser(settings, user, secret, person.timeZone());
        return new Credentials(connection.server(), user, secret, connection);
    }

    private List<RemoteCalendar> discover(CalendarProviderType type, ProviderConnection connection, String secretField) {
        List<RemoteCalendar> found;
        try {
            found = providers.forType(type).listCalendars(connection);
        } catch (AuthorisationLostException e) {
            LOG.info(() -> "linking " + type + " refused: " + e.getMessage());
            throw new InvalidInputException(secretField, "linking.refused");
        } catch (ProviderUnavailableException e) {
            // The person reads what to do; the technical reason is for IT, in the log.
            LOG.warning(() -> "linking " + type + " could not reach the server: " + e.getMessage());
            throw new InvalidInputException(secretField.equals("password") ? "serverUrl" : secretField,
                    "linking.unreachable");
        }
        if (found.isEmpty()) {
            throw new InvalidInputException("serverUrl", "linking.noCalendars");
        }
        return found;
    }

    private static String required(String value, String field, String key) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, key);
        }
        return value;
    }

    /**
     * Replaces the refused password of an account that needs reconnecting (or any account, when it was
     * changed on the server). The new one is checked first; then waiting pushes go at once. An Exchange
     * account reached through the service account needs no password: it is checked again as it is, for
     * instance after an administrator restored the impersonation role.
     */
    public CalendarAccount reconnect(TenantId tenantId, String accountId, String password) {
        CalendarAccount account = find(tenantId, accountId);
        Person person = people.find(tenantId, account.personId()).orElseThrow();
        // Only an account the organisation's application reaches is checked again here; the others consent again.
        if (providers.traitsOf(account.provider()).usesOAuth() && !oauth.actsAsApplication(account)) {
            throw new InvalidInputException("password", "linking.useConsent", Message.of("provider." + account.provider().name()));
        }
        ProviderConnection current = connections.of(account, person.timeZone());
        // Only a service account acts for someone else's mailbox; it has no password of the person's to replace.
        boolean serviceAccount = current.actAs() != null;
        ProviderConnection candidate = current;
        if (!serviceAccount) {
            required(password, "password", "linking.newPasswordRequired");
            candidate = new ProviderConnection(current.server(), current.username(), password, person.timeZone(),
                    current.actAs(), current.options());
        }
        try {
            providers.forType(account.provider()).listCalendars(candidate);
        } catch (AuthorisationLostException e) {
            LOG.info(() -> "account=" + accountId + " reconnect refused: " + e.getMessage());
            throw new InvalidInputException("password", serviceAccount ? "linking.serviceAccountRefused"
                    : "linking.passwordRefused");
        } catch (ProviderUnavailableException e) {
            LOG.warning(() -> "account=" + accountId + " reconnect could not reach the server: " + e.getMessage());
            throw new InvalidInputException("password", "linking.unreachableForCheck");
        }
        account.reconnect(serviceAccount ? cipher.encrypt("") : cipher.encrypt(password));
        resumeAfterReconnect(tenants.find(tenantId).orElseThrow(), person);
        LOG.info(() -> "tenant=" + tenantId + " account=" + accountId + " reconnected");
        return account;
    }

    /** Who to sign in as and how to check it; {@code check} is set when it differs from the stored sign-in. */
    private record Credentials(URI server, String username, String password, ProviderConnection check) {

        ProviderConnection connection(ZoneId zone) {
            return check != null ? check : new ProviderConnection(server, username, password, zone);
        }

        String secretField() {
            return check != null && check.actAs() != null ? "provider" : "password";
        }
    }

    /** The target calendar, the calendars checked for conflicts, and the privacy mode. */
    public CalendarAccount configure(TenantId tenantId, String accountId, String targetCalendarId,
            Set<String> conflictCalendarIds, PrivacyMode privacy) {
        CalendarAccount account = find(tenantId, accountId);
        account.chooseCalendars(targetCalendarId, conflictCalendarIds == null ? Set.of() : conflictCalendarIds);
        if (privacy != null) {
            account.changePrivacyMode(privacy);
            if (privacy == PrivacyMode.FULL_PRIVATE) {
                // In the same transaction: no title read before stays visible until the next pull.
                busyBlocks.forgetTitlesOfAccount(tenantId, accountId);
            }
        }
        Tenant tenant = tenants.find(tenantId).orElseThrow();
        calendarsChanged(tenant, people.find(tenantId, account.personId()).orElseThrow());
        return account;
    }

    /**
     * Deletes every event CalSync wrote into the account's calendars, then the account with its calendars
     * and its secret. The account stops taking new events first, so none is written behind the removal.
     * When the server cannot be reached nothing is removed and the account stays, so nothing is left behind;
     * when access was revoked, the events cannot be deleted by anyone but their owner, and the result says so.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Removal remove(TenantId tenantId, String accountId) {
        String owner = accounts.find(tenantId, accountId).map(CalendarAccount::personId)
                .orElseThrow(() -> new UnknownEntityException("calendar account", accountId));
        // No push or pull of the owner's calendars, on any instance, runs while the events are deleted.
        return ownerLock.exclusively(owner, () -> removeNow(tenantId, accountId));
    }

    private Removal removeNow(TenantId tenantId, String accountId) {
        AccountRemoval.Plan plan = removal.begin(tenantId, accountId);
        CalendarProvider provider = providers.forType(plan.provider());
        int deleted = 0;
        int notReachable = 0;
        List<AccountRemoval.Deletion> handled = new ArrayList<>();
        List<AccountRemoval.Deletion> next = plan.deletions();
        // First what was there when the removal began, then what pushes under way recorded meanwhile.
        for (int pass = 0; pass < 3 && !next.isEmpty(); pass++) {
            for (AccountRemoval.Deletion deletion : next) {
                try {
                    provider.delete(plan.connection(), deletion.calendarRemoteId(), deletion.remoteId(), null);
                    deleted++;
                } catch (AuthorisationLostException revoked) {
                    notReachable++;
                } catch (ProviderUnavailableException unreachable) {
                    removal.stop(tenantId, accountId, unreachable.kind(), unreachable.getMessage());
                    throw unreachable;
                }
                handled.add(deletion);
            }
            next = removal.lateArrivals(tenantId, accountId, handled);
        }
        stopWatching(provider, plan);
        if (providers.traitsOf(plan.provider()).usesOAuth()) {
            // Where the provider can (Google), the grant goes too, so nothing of CalSync's stays behind.
            accounts.find(tenantId, accountId).ifPresent(oauth::revoke);
        }
        removal.finish(tenantId, accountId);
        int left = notReachable;
        LOG.info(() -> "tenant=" + tenantId + " account=" + accountId + " removed; " + left + " events could not be deleted");
        return new Removal(deleted, notReachable);
    }

    /** The account's watches stop before its grant goes; one that cannot be stopped expires by itself. */
    private static void stopWatching(CalendarProvider provider, AccountRemoval.Plan plan) {
        for (WatchGrant watch : plan.watches()) {
            try {
                provider.unwatch(plan.connection(), watch);
            } catch (RuntimeException e) {
                LOG.info(() -> "A watch was left to expire: " + e.getMessage());
            }
        }
    }

    /** The person, when their role lets them link calendars and the tenant has enabled this kind. */
    Person mayLink(Tenant tenant, String personId, CalendarProviderType type) {
        Person person = people.find(tenant.id(), personId).orElseThrow(() -> new UnknownEntityException("person", personId));
        if (!person.has(Permission.CALENDAR_INTEGRATION)) {
            throw new InvalidInputException("personId", "linking.notAllowed", person.displayName());
        }
        if (type == null || !tenant.settings().allows(type)) {
            throw new InvalidInputException("provider", "linking.providerNotEnabled",
                    type == null ? Message.of("linking.thisKind") : Message.of("provider." + type.name()));
        }
        return person;
    }

    /** What this person may link: enabled by the tenant, implemented here, and allowed by their role. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<CalendarProviderType> linkableProviders(TenantId tenantId, String personId) {
        Tenant tenant = tenants.find(tenantId).orElseThrow();
        Person person = people.find(tenantId, personId).orElseThrow(() -> new UnknownEntityException("person", personId));
        Set<CalendarProviderType> result = EnumSet.noneOf(CalendarProviderType.class);
        if (person.has(Permission.CALENDAR_INTEGRATION)) {
            providers.available().stream().filter(type -> tenant.settings().allows(type))
                    .filter(type -> setUp(tenantId, type)).forEach(result::add);
        }
        return result;
    }

    /**
     * Whether a person can link this kind now: a directory sign-in (Exchange) needs the organisation's server
     * settings, and an OAuth kind its registered application; a password kind needs nothing from the organisation.
     */
    private boolean setUp(TenantId tenantId, CalendarProviderType type) {
        return switch (providers.traitsOf(type).signIn()) {
            case DIRECTORY -> exchange.find(tenantId).isPresent();
            case OAUTH -> oauthClients.registered(tenantId, type);
            case PASSWORD, APP_PASSWORD -> true;
        };
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CalendarAccount> accountsOf(TenantId tenantId, String personId) {
        people.find(tenantId, personId).orElseThrow(() -> new UnknownEntityException("person", personId));
        return accounts.listForPerson(tenantId, personId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CalendarAccount> accountsOfTenant(TenantId tenantId) {
        return accounts.listForTenant(tenantId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CalendarAccount find(TenantId tenantId, String accountId) {
        return accounts.find(tenantId, accountId).orElseThrow(() -> new UnknownEntityException("calendar account", accountId));
    }

    /** An account works again: what waited for it goes at once, and every upcoming session is written. */
    void resumeAfterReconnect(Tenant tenant, Person person) {
        outbox.pendingFor(tenant.id(), person.id()).forEach(OutboxEntry::dueNow);
        calendarsChanged(tenant, person);
    }

    /**
     * The person's calendars changed (linked, chosen, reconnected): their upcoming sessions are planned into
     * them, and once this commits the tenant's watches follow the new choice.
     */
    void calendarsChanged(Tenant tenant, Person person) {
        planUpcomingSessions(tenant, person);
        calendarsChanged.fire(new ChangeWatches.CalendarsChanged(tenant.id()));
    }

    /** Sessions the person is on within the pull window get their events (again). */
    private void planUpcomingSessions(Tenant tenant, Person person) {
        Instant now = Instant.now();
        Instant until = ZonedDateTime.now().plusMonths(tenant.settings().pullWindowMonths()).toInstant();
        for (TrainingSession session : sessions.listForPerson(tenant.id(), person.id(), now, until)) {
            push.plan(tenant.id(), session.id(), List.of(person.id()));
        }
    }

    private static URI server(String serverUrl, ProviderTraits traits) {
        String value = serverUrl == null || serverUrl.isBlank() ? traits.defaultServer() : serverUrl.strip();
        if (value == null) {
            throw new InvalidInputException("serverUrl", "linking.serverRequired");
        }
        if (!Validation.isServerAddress(value)) {
            throw new InvalidInputException("serverUrl", "linking.serverInvalid");
        }
        return URI.create(value);
    }

    /** What removing an account did: events deleted, and events that could not be deleted because access was revoked. */
    public record Removal(int deletedEvents, int notDeletable) {
    }
}
