package org.calsync.interfaces.web.console;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.TenantFacade;
import org.calsync.interfaces.facade.dto.ApiKeyView;
import org.calsync.interfaces.facade.dto.PauseImpactView;
import org.calsync.interfaces.facade.dto.SettingsView;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.Texts;
import org.primefaces.PrimeFaces;

/** The tenant's calendar integration settings and the API keys of its host platform. */
@Named
@ViewScoped
public class IntegrationSettingsEditor implements Serializable {

    @Inject
    private TenantFacade tenants;

    @Inject
    private CurrentUser user;

    private boolean integrationEnabled;
    private List<String> allowedProviders = new ArrayList<>();
    private String direction;
    private String defaultPrivacyMode;
    private Integer pullWindowMonths;
    private boolean omitLearnerDetails;
    private Integer cancellationDeadlineHours;
    private String defaultOnlineMeeting;
    private Integer busyRetentionDays;
    private Integer logRetentionDays;
    private String language;

    private List<ApiKeyView> apiKeys = List.of();
    private String newKeyName;
    private String issuedSecret;
    private PauseImpactView pause;

    public void load() {
        SettingsView settings = tenants.settings(user.getTenantId());
        integrationEnabled = settings.integrationEnabled();
        allowedProviders = new ArrayList<>(settings.allowedProviders());
        direction = settings.direction();
        defaultPrivacyMode = settings.defaultPrivacyMode();
        pullWindowMonths = settings.pullWindowMonths();
        omitLearnerDetails = settings.omitLearnerDetails();
        cancellationDeadlineHours = settings.cancellationDeadlineHours();
        defaultOnlineMeeting = settings.defaultOnlineMeeting();
        busyRetentionDays = settings.busyRetentionDays();
        logRetentionDays = settings.logRetentionDays();
        language = settings.language();
        apiKeys = tenants.apiKeys(user.getTenantId());
    }

    /**
     * Saves at once unless the change pauses calendars: then the admin is first told how many, and chooses whether
     * the events CalSync wrote there are deleted or left.
     */
    public void save() {
        try {
            pause = tenants.impactOf(user.getTenantId(), form());
            if (pause.accounts() > 0) {
                PrimeFaces.current().executeScript("PF('pauseDialog').show()");
                return;
            }
            apply(false);
        } catch (RuntimeException e) {
            FacesErrors.show("settingsForm", e);
        }
    }

    public void saveRemovingEvents() {
        apply(true);
    }

    public void saveLeavingEvents() {
        apply(false);
    }

    private void apply(boolean removeWrittenEvents) {
        try {
            tenants.changeSettings(user.getTenantId(), form(), removeWrittenEvents);
            String saved = Texts.get("settings.saved");
            if (pause != null && pause.accounts() > 0) {
                saved += " " + Texts.get(removeWrittenEvents ? "settings.pausedRemoving" : "settings.pausedLeaving",
                        pause.accounts());
            }
            FacesErrors.global(FacesMessage.SEVERITY_INFO, saved);
        } catch (RuntimeException e) {
            FacesErrors.show("settingsForm", e);
        } finally {
            pause = null;
        }
    }

    private SettingsView form() {
        return new SettingsView(null, integrationEnabled, new HashSet<>(allowedProviders), direction, defaultPrivacyMode,
                pullWindowMonths == null ? 0 : pullWindowMonths, omitLearnerDetails,
                cancellationDeadlineHours == null ? -1 : cancellationDeadlineHours,
                busyRetentionDays == null ? 0 : busyRetentionDays, logRetentionDays == null ? 0 : logRetentionDays,
                language, defaultOnlineMeeting);
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public Integer getBusyRetentionDays() {
        return busyRetentionDays;
    }

    public void setBusyRetentionDays(Integer busyRetentionDays) {
        this.busyRetentionDays = busyRetentionDays;
    }

    public Integer getLogRetentionDays() {
        return logRetentionDays;
    }

    public void setLogRetentionDays(Integer logRetentionDays) {
        this.logRetentionDays = logRetentionDays;
    }

    /** What saving would pause, while the admin is asked. */
    public PauseImpactView getPause() {
        return pause;
    }

    public void issueKey() {
        try {
            issuedSecret = tenants.issueApiKey(user.getTenantId(), newKeyName);
            newKeyName = null;
            apiKeys = tenants.apiKeys(user.getTenantId());
        } catch (RuntimeException e) {
            FacesErrors.show("apiKeysForm", e);
        }
    }

    public void revokeKey(String keyId) {
        tenants.revokeApiKey(user.getTenantId(), keyId);
        apiKeys = tenants.apiKeys(user.getTenantId());
        FacesErrors.global(FacesMessage.SEVERITY_INFO, "API key revoked.");
    }

    public boolean isIntegrationEnabled() {
        return integrationEnabled;
    }

    public void setIntegrationEnabled(boolean integrationEnabled) {
        this.integrationEnabled = integrationEnabled;
    }

    public List<String> getAllowedProviders() {
        return allowedProviders;
    }

    public void setAllowedProviders(List<String> allowedProviders) {
        this.allowedProviders = allowedProviders;
    }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }

    public String getDefaultPrivacyMode() {
        return defaultPrivacyMode;
    }

    public void setDefaultPrivacyMode(String defaultPrivacyMode) {
        this.defaultPrivacyMode = defaultPrivacyMode;
    }

    public Integer getPullWindowMonths() {
        return pullWindowMonths;
    }

    public void setPullWindowMonths(Integer pullWindowMonths) {
        this.pullWindowMonths = pullWindowMonths;
    }

    public boolean isOmitLearnerDetails() {
        return omitLearnerDetails;
    }

    public void setOmitLearnerDetails(boolean omitLearnerDetails) {
        this.omitLearnerDetails = omitLearnerDetails;
    }

    public Integer getCancellationDeadlineHours() {
        return cancellationDeadlineHours;
    }

    public void setCancellationDeadlineHours(Integer cancellationDeadlineHours) {
        this.cancellationDeadlineHours = cancellationDeadlineHours;
    }

    public List<ApiKeyView> getApiKeys() {
        return apiKeys;
    }

    public String getNewKeyName() {
        return newKeyName;
    }

    public void setNewKeyName(String newKeyName) {
        this.newKeyName = newKeyName;
    }

    public String getIssuedSecret() {
        return issuedSecret;
    }

    public String getDefaultOnlineMeeting() {
        return defaultOnlineMeeting;
    }

    public void setDefaultOnlineMeeting(String defaultOnlineMeeting) {
        this.defaultOnlineMeeting = defaultOnlineMeeting;
    }
}
