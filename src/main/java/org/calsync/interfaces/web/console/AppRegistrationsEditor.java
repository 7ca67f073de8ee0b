package org.calsync.interfaces.web.console;

import java.io.Serializable;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.OAuthFacade;
import org.calsync.interfaces.facade.dto.OAuthRegistrationView;
import org.calsync.interfaces.facade.dto.WebhookStatusView;
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
        private boolean webhooks;

        Form(String provider) {
            this.provider = provider;
        }

        void show(OAuthRegistrationView view) {
            stored = view;
            directoryId = view.directoryId();
            clientId = view.clientId();
            organisationWide = view.organisationWide();
            webhooks = view.webhooks();
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

        public boolean isWebhooks() {
            return webhooks;
        }

        public void setWebhooks(boolean webhooks) {
            this.webhooks = webhooks;
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
                    form.organisationWide, form.webhooks));
            FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("settings.appRegistrationSaved"));
        } catch (RuntimeException e) {
            FacesErrors.show(formId, e);
        } finally {
            form.clientSecret = null;
        }
    }

    /** Shows how the webhooks stand now: they are set up on a managed thread after a save. */
    public void refreshMicrosoft() {
        microsoft.stored = oauth.registration(user.getTenantId(), microsoft.provider);
    }

    public void refreshGoogle() {
        google.stored = oauth.registration(user.getTenantId(), google.provider);
    }

    /** How changes come back from the provider now, in words: polling, or webhooks with how many calendars. */
    public String mode(Form form, String providerName) {
        OAuthRegistrationView stored = form.stored;
        if (!stored.webhooks()) {
            return Texts.get("settings.changesComeBackByPolling", providerName);
        }
        WebhookStatusView status = stored.webhookStatus();
        if (status.watchedCalendars() == 0) {
            return Texts.get("settings.webhooksNothingWatched", providerName);
        }
        String lastCall = status.lastCall() == null ? Texts.get("settings.noCallYet")
                : formats.moment(status.lastCall(), user.getTimeZone());
        return Texts.get("settings.changesComeBackByWebhooks", providerName, String.valueOf(status.watchedCalendars()),
                lastCall);
    }

    public Form getMicrosoft() {
        return microsoft;
    }

    public Form getGoogle() {
        return google;
    }
}
