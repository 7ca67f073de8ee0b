package org.calsync.interfaces.web.console;

import java.io.Serializable;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.OAuthFacade;
import org.calsync.interfaces.facade.dto.OAuthRegistrationView;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.Texts;

/** The console's app registrations with Microsoft Entra and Google, which consent and sync go through. */
@Named
@ViewScoped
public class AppRegistrationsEditor implements Serializable {

    @Inject
    private OAuthFacade oauth;

    @Inject
    private CurrentUser user;

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

        Form(String provider) {
            this.provider = provider;
        }

        void show(OAuthRegistrationView view) {
            stored = view;
            directoryId = view.directoryId();
            clientId = view.clientId();
            organisationWide = view.organisationWide();
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
                    form.organisationWide));
            FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("settings.appRegistrationSaved"));
        } catch (RuntimeException e) {
            FacesErrors.show(formId, e);
        } finally {
            form.clientSecret = null;
        }
    }

    public Form getMicrosoft() {
        return microsoft;
    }

    public Form getGoogle() {
        return google;
    }
}
