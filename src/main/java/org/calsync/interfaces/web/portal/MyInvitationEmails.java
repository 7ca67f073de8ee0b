package org.calsync.interfaces.web.portal;

import java.io.Serializable;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.PeopleFacade;
import org.calsync.interfaces.facade.dto.InvitationEmailsView;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.Texts;

/** A person's switch for sessions by email, shown when their organisation sends them. */
@Named
@ViewScoped
public class MyInvitationEmails implements Serializable {

    @Inject
    private PeopleFacade people;

    @Inject
    private CurrentUser user;

    private InvitationEmailsView current = new InvitationEmailsView(false, true);
    private boolean wanted = true;

    public void load() {
        current = people.invitationEmails(user.getTenantId(), user.getPersonId());
        wanted = current.personTakes();
    }

    public void save() {
        try {
            people.takeInvitationEmails(user.getTenantId(), user.getPersonId(), wanted);
            load();
            FacesErrors.global(FacesMessage.SEVERITY_INFO,
                    Texts.get(wanted ? "myCalendars.invitationEmailsOn" : "myCalendars.invitationEmailsOff"));
        } catch (RuntimeException e) {
            FacesErrors.show("invitationEmailsForm", e);
        }
    }

    public boolean isOffered() {
        return current.organisationSends();
    }

    public boolean isWanted() {
        return wanted;
    }

    public void setWanted(boolean wanted) {
        this.wanted = wanted;
    }
}
