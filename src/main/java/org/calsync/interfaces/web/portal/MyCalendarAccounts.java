package org.calsync.interfaces.web.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;

import org.calsync.interfaces.facade.CalendarFacade;
import org.calsync.interfaces.facade.ExchangeFacade;
import org.calsync.interfaces.facade.OAuthFacade;
import org.calsync.interfaces.facade.SyncFacade;
import org.calsync.interfaces.facade.dto.CalendarAccountView;
import org.calsync.interfaces.facade.dto.CalendarView;
import org.calsync.interfaces.facade.dto.ConsentRedirect;
import org.calsync.interfaces.facade.dto.SyncRunView;
import org.calsync.interfaces.web.Choices;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.PendingConsent;
import org.calsync.interfaces.web.ReconnectForm;
import org.calsync.interfaces.web.Removals;
import org.calsync.interfaces.facade.dto.RemovalScopeView;
import org.calsync.interfaces.facade.LinkTermsFacade;
import org.calsync.interfaces.web.SyncExplanations;
import org.calsync.interfaces.web.Texts;

/** The portal's "My calendars": link a CalDAV or iCloud account, choose calendars and privacy, sync, remove. */
@Named
@ViewScoped
public class MyCalendarAccounts implements Serializable {

    @Inject
    private CalendarFacade calendars;

    @Inject
    private SyncFacade sync;

    @Inject
    private ExchangeFacade exchange;

    @Inject
    private OAuthFacade oauth;

    @Inject
    private SyncExplanations explanations;

    @Inject
    private Choices choices;

    @Inject
    private CurrentUser user;

    /** A person linking for themselves accepts their organisation's terms first, when it asks any. */
    @Inject
    private LinkTermsFacade linkTerms;

    private Map<String, String> providers = Map.of();
    private List<CalendarAccountView> accounts = List.of();
    private final Map<String, String> targets = new HashMap<>();
    // Arrays, not lists: a selectMany bound to a map entry cannot learn a generic type and posts a String[].
    private final Map<String, String[]> conflicts = new HashMap<>();
    private final Map<String, String> privacy = new HashMap<>();
    private final ReconnectForm reconnect = new ReconnectForm();
    private RemovalScopeView removalScope = new RemovalScopeView(0, 0);

    /** The session the person came from to link a calendar, to go back to once linked (?returnTo=…). */
    private String returnTo;
    private String exchangeMode;
    private Set<String> organisationWideKinds = Set.of();
    private String provider;
    private String serverUrl;
    private String username;
    private String password;

    public void load() {
        exchangeMode = exchange.mode(user.getTenantId());
        organisationWideKinds = oauth.kindsReachingEveryMailbox(user.getTenantId());
        providers = Choices.labelled("provider.", calendars.linkChoices(user.getTenantId(), user.getPersonId()));
        if (provider == null && !providers.isEmpty()) {
            provider = providers.values().iterator().next();
        }
        accounts = calendars.accountsOf(user.getTenantId(), user.getPersonId(), Texts.language());
        for (CalendarAccountView account : accounts) {
            targets.put(account.id(), account.calendars().stream().filter(CalendarView::pushTarget).map(CalendarView::id)
                    .findFirst().orElse(null));
            conflicts.put(account.id(), account.calendars().stream().filter(CalendarView::conflictCheck)
                    .map(CalendarView::id).toArray(String[]::new));
            privacy.put(account.id(), account.privacyMode());
        }
        removalScope = accounts.isEmpty() ? new RemovalScopeView(0, 0)
                : calendars.removalScope(user.getTenantId(), user.getPersonId());
        sayConsentOutcome();
    }

    /**
     * Sends the browser to Microsoft's or Google's consent page; OAuthCallback takes the answer. Where the
     * organisation granted CalSync every mailbox, Microsoft 365 is linked at once instead.
     */
    public void connect() throws IOException {
        if (isOrganisationWide()) {
            link();
            return;
        }
        startConsent(CalendarFacade.kindOf(provider), calendars.audienceOf(user.getTenantId(), provider));
    }

    /** @param audience the kind of account chosen (Outlook.com: PERSONAL), or null for the provider to ask */
    private void startConsent(String kind, String audience) throws IOException {
        try {
            linkTerms.requireAccepted(user.getTenantId(), user.getPersonId());
            ConsentRedirect consent = oauth.beginConsent(user.getTenantId(), user.getPersonId(), kind, audience);
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            PendingConsent.remember((HttpSession) external.getSession(true), consent);
            PendingConsent.rememberReturn((HttpSession) external.getSession(true), returnTo);
            external.redirect(consent.location());
        } catch (RuntimeException e) {
            FacesErrors.show("linkForm", e);
        }
    }

    /** Consent again for an account whose grant was withdrawn; the same account comes back with new tokens. */
    public void connectAgain(CalendarAccountView account) throws IOException {
        provider = account.provider();
        if (isOrganisationWide()) {
            link();
            return;
        }
        startConsent(account.provider(), null); // whichever kind of account it was, the provider asks
    }

    /** What came of a consent, when the callback sent the person back here. */
    private void sayConsentOutcome() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String outcome = external.getRequestParameterMap().get("consent");
        String kind = external.getRequestParameterMap().get("provider");
        String providerName = kind != null && kind.matches("[A-Z_0-9]+") ? Texts.get("provider." + kind) : "";
        if ("connected".equals(outcome) && returnTo != null) {
            backToTheSession();
        } else if ("connected".equals(outcome)) {
            String accountId = external.getRequestParameterMap().get("account");
            accounts.stream().filter(a -> a.id().equals(accountId)).findFirst().ifPresent(account -> FacesErrors.global(
                    FacesMessage.SEVERITY_INFO, Texts.get("consent.connected", account.username(),
                            account.calendars().size())));
        } else if ("declined".equals(outcome)) {
            FacesErrors.global(FacesMessage.SEVERITY_WARN, Texts.get("consent.declined", providerName));
        } else if ("failed".equals(outcome)) {
            String problem = PendingConsent.takeProblem((HttpSession) external.getSession(false), Texts.locale());
            FacesErrors.global(FacesMessage.SEVERITY_ERROR, Texts.get("consent.failed", providerName) + " " + problem);
        } else if ("unknown".equals(outcome)) {
            FacesErrors.global(FacesMessage.SEVERITY_ERROR, Texts.get("consent.unknown"));
        }
    }

    /** Back to the session the person came from, opened, saying that their calendar is linked now. */
    private void backToTheSession() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + "/portal/index.xhtml?session=" + returnTo
                    + "&connected=true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String getReturnTo() {
        return returnTo;
    }

    /** Only a session id is kept: the address is built here, never taken from the request. */
    public void setReturnTo(String returnTo) {
        this.returnTo = returnTo != null && returnTo.matches("[0-9a-fA-F-]{36}") ? returnTo : null;
    }

    public String getConnectLabel() {
        return Texts.get("myCalendars.connectProvider", Texts.get("provider." + provider));
    }

    /** A kind the organisation's application reaches for everyone (Microsoft 365's permission): nobody signs in. */
    public boolean isOrganisationWide() {
        return organisationWideKinds.contains(CalendarFacade.kindOf(provider));
    }

    /** Microsoft 365 and Google connect through their own consent page, never with a password. */
    public boolean isConsent() {
        return signsIn("OAUTH");
    }

    public void link() {
        try {
            linkTerms.requireAccepted(user.getTenantId(), user.getPersonId());
            CalendarAccountView linked = calendars.link(user.getTenantId(), user.getPersonId(), CalendarFacade.kindOf(provider), serverUrl,
                    username, password, Texts.language());
            FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("portal.linked", linked.username(),
                    linked.calendars().size()));
            serverUrl = null;
            username = null;
            if (returnTo != null) {
                backToTheSession();
                return;
            }
            load();
        } catch (RuntimeException e) {
            FacesErrors.show("linkForm", e);
        } finally {
            password = null;
        }
    }

    public void save(CalendarAccountView account) {
        try {
            calendars.configure(user.getTenantId(), account.id(), targets.get(account.id()),
                    new HashSet<>(Arrays.asList(conflicts.getOrDefault(account.id(), new String[0]))), privacy.get(account.id()),
                    Texts.language());
            FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("portal.saved", account.username()));
            load();
        } catch (RuntimeException e) {
            FacesErrors.show("accountsForm", e);
        }
    }

    public void reconnect(CalendarAccountView account) {
        if (reconnect.submit(calendars, user.getTenantId(), account)) {
            load();
        }
    }

    public void syncNow() {
        List<SyncRunView> runs = sync.syncNow(user.getTenantId(), user.getPersonId(), Texts.language());
        int in = runs.stream().mapToInt(SyncRunView::changesIn).sum();
        long problems = runs.stream().filter(r -> !"OK".equals(r.outcome())).count();
        FacesErrors.global(problems == 0 ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN,
                Texts.get("portal.synced", runs.size(), in) + (problems == 0 ? ""
                        : " " + Texts.get("portal.syncProblems", problems, runs.stream()
                                .filter(r -> !"OK".equals(r.outcome())).map(explanations::plainly).findFirst().orElse(""))));
        load();
    }

    public void remove(CalendarAccountView account) {
        Removals.removeAndSay(calendars, user.getTenantId(), account.id());
        load();
    }

    /** Removes every account the person linked, after a confirmation that names what goes. */
    public void removeAll() {
        Removals.removeAllAndSay(calendars, user.getTenantId(), user.getPersonId());
        load();
    }

    /** The confirmation of <em>Remove all my calendars</em>: how many accounts, and how many events CalSync deletes. */
    public String getRemoveAllQuestion() {
        return Texts.get("confirm.removeAll.message", removalScope.accounts(), removalScope.events());
    }

    /** The chosen kind is reached at a server the person names (any CalDAV server). */
    public boolean isServerAddressAsked() {
        return signsIn("PASSWORD");
    }

    /** The chosen kind signs in with a password generated for apps in the provider's account settings (iCloud). */
    public boolean isAppPassword() {
        return signsIn("APP_PASSWORD");
    }

    /** The chosen kind signs in through the organisation's directory (Exchange), as its Exchange mode says. */
    public boolean isDirectorySignIn() {
        return signsIn("DIRECTORY");
    }

    /** Whether the chosen kind signs in this way, as its adapter declares. */
    private boolean signsIn(String way) {
        return way.equals(choices.signInOf(CalendarFacade.kindOf(provider)));
    }

    /** SERVICE_ACCOUNT_IMPERSONATION, PER_USER, or null while the organisation has not set Exchange up. */
    public String getExchangeMode() {
        return exchangeMode;
    }

    public Map<String, String> getProviders() {
        return providers;
    }

    public List<CalendarAccountView> getAccounts() {
        return accounts;
    }

    public Map<String, String> getTargets() {
        return targets;
    }

    public Map<String, String[]> getConflicts() {
        return conflicts;
    }

    public ReconnectForm getReconnect() {
        return reconnect;
    }

    public Map<String, String> getPrivacy() {
        return privacy;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getServerUrl() {
        return serverUrl;
    }

    public void setServerUrl(String serverUrl) {
        this.serverUrl = serverUrl;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
