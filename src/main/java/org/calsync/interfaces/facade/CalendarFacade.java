package org.calsync.interfaces.facade;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.connection.AccountConnections;
import org.calsync.application.connection.CalendarProviders;
import org.calsync.application.connection.OAuthClients;
import org.calsync.application.linking.AllCalendarsRemoval;
import org.calsync.application.linking.CalendarLinking;
import org.calsync.application.linking.SyncPauses;
import org.calsync.application.sessions.AlertDecisions;
import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.SignInAudience;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.PrivacyMode;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.Language;
import org.calsync.interfaces.facade.dto.AccountRemovalView;
import org.calsync.interfaces.facade.dto.AllRemovedView;
import org.calsync.interfaces.facade.dto.CalendarAccountView;
import org.calsync.interfaces.facade.dto.CalendarView;
import org.calsync.interfaces.facade.dto.RemovalScopeView;

/** Linked calendar accounts for the portal, the console and the provisioning API. */
@ApplicationScoped
@Transactional
public class CalendarFacade {

    /** The status shown for an account the organisation's rules pause; not one an account stores. */
    static final String PAUSED = "PAUSED";
    /** The status shown for an account with a calendar the mass-deletion guard holds. */
    static final String HELD = "HELD";

    @Inject
    private CalendarLinking linking;

    @Inject
    private AllCalendarsRemoval allRemoval;

    @Inject
    private OAuthClients oauthClients;

    /** The portal's choice for personal Microsoft accounts, linked as Microsoft 365 calendars through Graph. */
    public static final String OUTLOOK_COM = "OUTLOOK_COM";

    @Inject
    private SyncPauses pauses;

    @Inject
    private AlertDecisions decisions;

    @Inject
    private CalendarProviders providers;

    @Inject
    private AccountConnections connections;

    public CalendarAccountView link(String tenantId, String personId, String provider, String serverUrl,
            String username, String password, Language reader) {
        CalendarProviderType type = EnumInput.parse(CalendarProviderType.class, provider, "provider");
        if (type == null) {
            throw new InvalidInputException("provider", "linking.kindRequired");
        }
        return view(linking.link(new TenantId(tenantId), personId, type, serverUrl, username, password), false, reader);
    }

    public CalendarAccountView configure(String tenantId, String accountId, String targetCalendarId,
            Set<String> conflictCalendarIds, String privacyMode, Language reader) {
        return viewOf(tenantId, linking.configure(new TenantId(tenantId), accountId, targetCalendarId, conflictCalendarIds,
                EnumInput.parse(PrivacyMode.class, privacyMode, "privacyMode")), reader);
    }

    public CalendarAccountView reconnect(String tenantId, String accountId, String password, Language reader) {
        return viewOf(tenantId, linking.reconnect(new TenantId(tenantId), accountId, password), reader);
    }

    public AccountRemovalView remove(String tenantId, String accountId) {
        CalendarLinking.Removal removal = linking.remove(new TenantId(tenantId), accountId);
        String message = "Removed the account and " + removal.deletedEvents() + " events CalSync had written."
                + (removal.notDeletable() > 0 ? " " + removal.notDeletable()
                        + " events could not be deleted because the account's access was revoked." : "");
        return new AccountRemovalView(removal.deletedEvents(), removal.notDeletable(), message);
    }

    /** What <em>Remove all my calendars</em> would take, for its confirmation. */
    public RemovalScopeView removalScope(String tenantId, String personId) {
        AllCalendarsRemoval.Scope scope = allRemoval.scope(new TenantId(tenantId), personId);
        return new RemovalScopeView(scope.accounts(), scope.events());
    }

    /** Removes every account of the person, each as {@link #remove} does. */
    public AllRemovedView removeAll(String tenantId, String personId) {
        AllCalendarsRemoval.Outcome outcome = allRemoval.removeAll(new TenantId(tenantId), personId);
        String message = "Removed " + outcome.removedAccounts() + " accounts and " + outcome.deletedEvents()
                + " events CalSync had written." + (outcome.notDeletable() > 0 ? " " + outcome.notDeletable()
                        + " events could not be deleted because an account's access was revoked." : "")
                + (outcome.kept().isEmpty() ? "" : " " + outcome.kept().size() + " accounts stay because their server"
                        + " could not be reached: " + outcome.kept().get(0).reason());
        return new AllRemovedView(outcome.removedAccounts(), outcome.deletedEvents(), outcome.notDeletable(),
                outcome.kept().stream().map(AllCalendarsRemoval.Kept::accountId).toList(), message);
    }

    /** After checking the calendar, an admin lets a held pull through; the next pull applies what it finds. */
    public CalendarAccountView releaseHold(String tenantId, String accountId, String calendarId, Language reader) {
        return viewOf(tenantId, decisions.release(new TenantId(tenantId), accountId, calendarId), reader);
    }

    /**
     * The portal's choices of what to link: the kinds the person may link, where a Microsoft registration that takes
     * personal accounts adds {@link #OUTLOOK_COM} (and, taking only those, stands instead of Microsoft 365).
     */
    public List<String> linkChoices(String tenantId, String personId) {
        List<String> choices = new ArrayList<>();
        for (String kind : linkableProviders(tenantId, personId)) {
            Set<SignInAudience> accepted = kind.equals(CalendarProviderType.MICROSOFT_365.name())
                    ? oauthClients.audiences(new TenantId(tenantId), CalendarProviderType.MICROSOFT_365) : Set.of();
            if (!accepted.contains(SignInAudience.PERSONAL)) {
                choices.add(kind);
                continue;
            }
            if (accepted.contains(SignInAudience.WORK)) {
                choices.add(kind);
            }
            choices.add(OUTLOOK_COM);
        }
        return choices;
    }

    /** The choice an account was linked through, as pages name it: Outlook.com for a personal Microsoft account. */
    static String shownAs(CalendarAccount account) {
        return account.provider() == CalendarProviderType.MICROSOFT_365 && account.personal() ? OUTLOOK_COM
                : account.provider().name();
    }

    /** The kind of calendar a portal choice links. */
    public static String kindOf(String choice) {
        return OUTLOOK_COM.equals(choice) ? CalendarProviderType.MICROSOFT_365.name() : choice;
    }

    /**
     * The accounts a portal choice asks consent for: PERSONAL for Outlook.com, WORK for Microsoft 365 when the
     * registration also takes personal accounts (so that each goes to its own sign-in), otherwise null.
     */
    public String audienceOf(String tenantId, String choice) {
        if (OUTLOOK_COM.equals(choice)) {
            return SignInAudience.PERSONAL.name();
        }
        boolean both = CalendarProviderType.MICROSOFT_365.name().equals(choice) && oauthClients.audiences(
                new TenantId(tenantId), CalendarProviderType.MICROSOFT_365).contains(SignInAudience.PERSONAL);
        return both ? SignInAudience.WORK.name() : null;
    }

    /** Provider names, for the portal's choice of what to link; pages word them in their own language. */
    public List<String> linkableProviders(String tenantId, String personId) {
        return linking.linkableProviders(new TenantId(tenantId), personId).stream().map(Enum::name).toList();
    }

    public CalendarAccountView get(String tenantId, String accountId, Language reader) {
        return viewOf(tenantId, linking.find(new TenantId(tenantId), accountId), reader);
    }

    /** Every linked account of the tenant, without sync logs. */
    public List<CalendarAccountView> accountsOfTenant(String tenantId, Language reader) {
        return linking.accountsOfTenant(new TenantId(tenantId)).stream().map(account -> viewOf(tenantId, account, reader))
                .toList();
    }

    public List<CalendarAccountView> accountsOf(String tenantId, String personId, Language reader) {
        return linking.accountsOf(new TenantId(tenantId), personId).stream().map(account -> viewOf(tenantId, account, reader))
                .toList();
    }

    /** The account as shown, PAUSED where the organisation's rules stop it whatever its own status. */
    CalendarAccountView viewOf(String tenantId, CalendarAccount account, Language reader) {
        return view(account, pauses.paused(new TenantId(tenantId), account), reader);
    }

    /** The account as shown, with how it signs in; a held calendar says why in the reader's language. */
    CalendarAccountView view(CalendarAccount account, boolean paused, Language reader) {
        return new CalendarAccountView(account.id(), account.personId(), account.provider().name(), shownAs(account),
                providers.traitsOf(account.provider()).signIn().name(), connections.reachedByTheOrganisation(account),
                account.serverUrl(), account.username(), paused ? PAUSED : account.held() ? HELD : account.status().name(),
                SyncFacade.nameOf(account.statusKind()), account.statusMessage(),
                account.privacyMode().name(),
                account.calendars().stream().map(c -> new CalendarView(c.id(), c.displayName(), c.writable(),
                        c.pushTarget(), c.conflictCheck(), c.lastSyncedAt(),
                        c.hold().map(why -> why.text(reader)).orElse(null))).toList());
    }
}
