package org.calsync.interfaces.web.console;

import java.io.Serializable;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.OAuthFacade;
import org.calsync.interfaces.facade.dto.OAuthRegistrationView;
import org.calsync.interfaces.facade.dto.WatchStatusView;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.Formats;
import org.calsync.interfaces.web.Texts;

/** The console's app registrations with Microsoft Entra and Google, which consent and sync go through. */
@Named
@ViewScoped
public class AppRegistrationsEditor implements Serializable {

    @Inject
    private OAuthFacade oauth;

    @Inject
    private CurrentUser user;

    @Inject
    private Formats formats;

    private final Form microsoft = new Form("MICROSOFT_365");
    private final Form google = new Form("GOOGLE");

    /** One provider's fields; the secret is write-only and never shown again. */
    public static final class Form implements Serializable {
        private final String provider;
        private OAuthRegistrationView stored;
        private String directoryId;
        private String clientId;
        private String clientSecret;
        private boolean organisationWide;
        private boolean watchChanges;

        Form(String provider) {
            this.provider = provider;
        }

        void show(OAuthRegistrationView view) {
            stored = view;
            directoryId = view.directoryId();
            clientId = view.clientId();
            organisationWide = view.organisationWide();
            watchChanges = view.watchChanges();
            clientSecret = null;
        }

        public OAuthRegistrationView getStored() {
            return stored;
        }

        public String getDirectoryId() {
            return directoryId;
        }

        public void setDirectoryId(String directoryId) {
            this.directoryId = directoryId;
        }

        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        public String getClientSecret() {
            return clientSecret;
        }

        public void setClientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
        }

        public boolean isOrganisationWide() {
            return organisationWide;
        }

        public void setOrganisationWide(boolean organisationWide) {
            this.organisationWide = organisationWide;
        }

        public boolean isWatchChanges() {
            return watchChanges;
        }

        public void setWatchChanges(boolean watchChanges) {
            this.watchChanges = watchChanges;
        }
    }

    public void load() {
        microsoft.show(oauth.registration(user.getTenantId(), microsoft.provider));
        google.show(oauth.registration(user.getTenantId(), google.provider));
    }

    public void saveMicrosoft() {
        save(microsoft, "microsoftForm");
    }

    public void saveGoogle() {
        save(google, "googleForm");
    }

    private void save(Form form, String formId) {
        try {
            form.show(oauth.configure(user.getTenantId(), form.provider, form.directoryId, form.clientId, form.clientSecret,
                    form.organisationWide, form.watchChanges));
            FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("settings.appRegistrationSaved"));
        } catch (RuntimeException e) {
            FacesErrors.show(formId, e);
        } finally {
            form.clientSecret = null;
        }
    }

    /** Shows how the watches stand now: they are set up on a managed thread after a save. */
    public void refreshMicrosoft() {
        microsoft.stored = oauth.registration(user.getTenantId(), microsoft.provider);
    }

    public void refreshGoogle() {
        google.stored = oauth.registration(user.getTenantId(), google.provider);
    }

    /** How changes come back from the provider now, in words: polling, or watches with how many calendars. */
    public String mode(Form form, String providerName) {
        OAuthRegistrationView stored = form.stored;
        if (!stored.watchChanges()) {
            return Texts.get("settings.changesComeBackByPolling", providerName);
        }
        WatchStatusView status = stored.watchStatus();
        if (status.watchedCalendars() == 0) {
            return Texts.get("settings.nothingWatchedYet", providerName);
        }
        String lastNotified = status.lastNotifiedAt() == null ? Texts.get("settings.noNotificationYet")
                : formats.moment(status.lastNotifiedAt(), user.getTimeZone());
        return Texts.get("settings.changesComeBackByWatches", providerName, String.valueOf(status.watchedCalendars()),
                lastNotified);
    }

    public Form getMicrosoft() {
        return microsoft;
    }

    public Form getGoogle() {
        return google;
    }
}
