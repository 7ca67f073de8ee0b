package org.calsync.interfaces.web.console;

import java.io.Serializable;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.TenantFacade;
import org.calsync.interfaces.facade.dto.InvitationMailView;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.Texts;

/** The organisation's invitation emails: on or off, who gets them, and the organiser address. */
@Named
@ViewScoped
public class InvitationMailEditor implements Serializable {

    @Inject
    private TenantFacade tenants;

    @Inject
    private CurrentUser user;

    private boolean enabled;
    private String sender;
    private String audience;
    private boolean declineUnregisters;
    private String installationSender;

    public void load() {
        show(tenants.invitationMail(user.getTenantId()));
    }

    public void save() {
        try {
            show(tenants.changeInvitationMail(user.getTenantId(),
                    new InvitationMailView(enabled, sender, audience, declineUnregisters, installationSender)));
            FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("settings.invitationMailSaved"));
        } catch (RuntimeException e) {
            FacesErrors.show("invitationMailForm", e);
        }
    }

    private void show(InvitationMailView view) {
        enabled = view.enabled();
        sender = view.sender();
        audience = view.audience();
        declineUnregisters = view.declineUnregisters();
        installationSender = view.installationSender();
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getSender() {
        return sender;
    }

    public void setSender(String sender) {
        this.sender = sender;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public boolean isDeclineUnregisters() {
        return declineUnregisters;
    }

    public void setDeclineUnregisters(boolean declineUnregisters) {
        this.declineUnregisters = declineUnregisters;
    }

    public String getInstallationSender() {
        return installationSender;
    }
}
