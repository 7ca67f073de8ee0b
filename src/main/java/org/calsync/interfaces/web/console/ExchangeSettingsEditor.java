package org.calsync.interfaces.web.console;

import java.io.Serializable;
import java.util.Map;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.domain.shared.InvalidInputException;
import org.calsync.interfaces.facade.ExchangeFacade;
import org.calsync.interfaces.facade.dto.ChangeStreamStatusView;
import org.calsync.interfaces.facade.dto.ConnectionTestView;
import org.calsync.interfaces.facade.dto.ExchangeSettingsView;
import org.calsync.interfaces.facade.dto.ServerThrottleView;
import org.calsync.interfaces.web.Choices;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.Formats;
import org.calsync.interfaces.web.Texts;

/** The console's Exchange (EWS) settings and "Test connection". */
@Named
@ViewScoped
public class ExchangeSettingsEditor implements Serializable {

    @Inject
    private ExchangeFacade exchange;

    @Inject
    private CurrentUser user;

    @Inject
    private Formats formats;

    private boolean configured;
    private String ewsUrl;
    private String autodiscoverEmail;
    private String discoveredEwsUrl;
    private String serverVersion;
    private String authMode;
    private String authScheme;
    private String serviceUsername;
    private boolean servicePasswordSet;
    private String servicePassword;
    private String trustedCertificates;
    private boolean streamChanges;
    private ChangeStreamStatusView streamStatus;
    private ServerThrottleView throttling;
    private String testMailbox;
    private ConnectionTestView testResult;

    public void load() {
        ExchangeSettingsView settings = exchange.settings(user.getTenantId());
        configured = settings.configured();
        ewsUrl = settings.ewsUrl();
        autodiscoverEmail = settings.autodiscoverEmail();
        discoveredEwsUrl = settings.discoveredEwsUrl();
        serverVersion = settings.serverVersion();
        authMode = settings.authMode();
        authScheme = settings.authScheme();
        serviceUsername = settings.serviceUsername();
        servicePasswordSet = settings.servicePasswordSet();
        trustedCertificates = settings.trustedCertificates();
        streamChanges = Boolean.TRUE.equals(settings.streamChanges());
        streamStatus = configured ? exchange.streamStatus(user.getTenantId()) : null;
        throttling = configured ? exchange.throttling(user.getTenantId()) : null;
    }

    public void save() {
        try {
            exchange.configure(user.getTenantId(), new ExchangeSettingsView(true, ewsUrl, autodiscoverEmail, null, serverVersion,
                    authMode, authScheme, serviceUsername, false, trustedCertificates, streamChanges), servicePassword);
            FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("settings.exchangeSaved"));
            load();
        } catch (RuntimeException e) {
            FacesErrors.show("exchangeForm", e);
        } finally {
            servicePassword = null;
        }
    }

    public void test() {
        try {
            testResult = exchange.test(user.getTenantId(), testMailbox, Texts.locale());
            // A test may have found the address afresh through Autodiscover.
            discoveredEwsUrl = exchange.settings(user.getTenantId()).discoveredEwsUrl();
        } catch (InvalidInputException e) {
            testResult = null;
            FacesErrors.global(FacesMessage.SEVERITY_ERROR, e.errors().get(0).message(Texts.locale()));
        }
    }

    /** Reads how changes come back, and the last throttling, again, without reloading the form. */
    public void refreshStreamStatus() {
        streamStatus = exchange.streamStatus(user.getTenantId());
        throttling = exchange.throttling(user.getTenantId());
    }

    /** When Exchange last asked CalSync to wait, in a sentence; null when it never did. */
    public String getThrottlingText() {
        if (throttling == null || throttling.lastThrottledAt() == null) {
            return null;
        }
        return Texts.get("settings.exchangeThrottled", formats.moment(throttling.lastThrottledAt(), user.getTimeZone()),
                String.valueOf(Math.max(1, Math.round(throttling.pauseMillis() / 1000.0))));
    }

    /** How changes made in Outlook come back, in a sentence. */
    public String getStreamMode() {
        if (streamStatus == null || !streamStatus.on()) {
            return Texts.get("settings.exchangeChangesPulled");
        }
        String lastNotified = streamStatus.lastNotifiedAt() == null ? Texts.get("settings.noNotificationYet")
                : formats.moment(streamStatus.lastNotifiedAt(), user.getTimeZone());
        if (streamStatus.streamed() > 0) {
            return Texts.get("settings.exchangeChangesStreamed", String.valueOf(streamStatus.streamed()), lastNotified);
        }
        if (streamStatus.pullSubscribed() > 0) {
            return Texts.get("settings.exchangeChangesFetched", String.valueOf(streamStatus.pullSubscribed()),
                    lastNotified, String.valueOf(streamStatus.askedEverySeconds()));
        }
        return Texts.get("settings.exchangeNothingStreamedYet");
    }

    /** Mailboxes on pull subscriptions beside streamed ones (a second server, or one that refused), or null. */
    public String getAlsoFetched() {
        if (streamStatus == null || !streamStatus.on() || streamStatus.streamed() == 0 || streamStatus.pullSubscribed() == 0) {
            return null;
        }
        return Texts.get("settings.exchangeChangesFetchedToo", String.valueOf(streamStatus.pullSubscribed()),
                String.valueOf(streamStatus.askedEverySeconds()));
    }

    public ChangeStreamStatusView getStreamStatus() {
        return streamStatus;
    }

    public boolean isServiceAccount() {
        return "SERVICE_ACCOUNT_IMPERSONATION".equals(authMode);
    }

    public Map<String, String> getVersions() {
        return exchange.versions();
    }

    public Map<String, String> getAuthModes() {
        return Choices.labelled("exchange.authMode.", exchange.authModeNames());
    }

    public boolean isConfigured() {
        return configured;
    }

    public String getEwsUrl() {
        return ewsUrl;
    }

    public void setEwsUrl(String ewsUrl) {
        this.ewsUrl = ewsUrl;
    }

    public String getAutodiscoverEmail() {
        return autodiscoverEmail;
    }

    public void setAutodiscoverEmail(String autodiscoverEmail) {
        this.autodiscoverEmail = autodiscoverEmail;
    }

    public String getDiscoveredEwsUrl() {
        return discoveredEwsUrl;
    }

    public String getServerVersion() {
        return serverVersion;
    }

    public void setServerVersion(String serverVersion) {
        this.serverVersion = serverVersion;
    }

    public String getAuthMode() {
        return authMode;
    }

    public void setAuthMode(String authMode) {
        this.authMode = authMode;
    }

    public String getAuthScheme() {
        return authScheme;
    }

    public void setAuthScheme(String authScheme) {
        this.authScheme = authScheme;
    }

    public String getServiceUsername() {
        return serviceUsername;
    }

    public void setServiceUsername(String serviceUsername) {
        this.serviceUsername = serviceUsername;
    }

    public boolean isServicePasswordSet() {
        return servicePasswordSet;
    }

    public String getServicePassword() {
        return servicePassword;
    }

    public void setServicePassword(String servicePassword) {
        this.servicePassword = servicePassword;
    }

    public String getTrustedCertificates() {
        return trustedCertificates;
    }

    public void setTrustedCertificates(String trustedCertificates) {
        this.trustedCertificates = trustedCertificates;
    }

    public String getTestMailbox() {
        return testMailbox;
    }

    public void setTestMailbox(String testMailbox) {
        this.testMailbox = testMailbox;
    }

    public ConnectionTestView getTestResult() {
        return testResult;
    }

    public boolean isStreamChanges() {
        return streamChanges;
    }

    public void setStreamChanges(boolean streamChanges) {
        this.streamChanges = streamChanges;
    }
}
