package org.calsync.interfaces.web.console;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.InvitationFacade;
import org.calsync.interfaces.facade.PeopleFacade;
import org.calsync.interfaces.facade.dto.InvitationStatusView;
import org.calsync.interfaces.facade.dto.PersonView;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;

/** Everyone in the tenant, with their calendar invitation; the admin selects people and invites them. */
@Named
@ViewScoped
public class PeopleList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PeopleFacade people;

    @Inject
    private InvitationFacade invitations;

    @Inject
    private CurrentUser user;

    private List<PersonView> rows = List.of();
    private List<PersonView> selected = new ArrayList<>();
    private Map<String, InvitationStatusView> invitationStatus = Map.of();

    public void load() {
        rows = people.list(user.getTenantId());
        invitationStatus = invitations.statuses(user.getTenantId());
    }

    /** Emails each selected person a new invitation link; sending again replaces the earlier link. */
    public void invite() {
        try {
            List<String> sent = invitations.invite(user.getTenantId(), selected.stream().map(PersonView::id).toList(),
                    user.getDisplayName());
            FacesErrors.global(FacesMessage.SEVERITY_INFO, sent.size() == 1 ? "Invitation sent to " + sent.get(0) + "."
                    : "Invitations sent to " + sent.size() + " people.");
            selected = new ArrayList<>();
            load();
        } catch (RuntimeException e) {
            FacesErrors.show("peopleForm", e);
        }
    }

    /** The person's newest invitation, or null when never invited. */
    public InvitationStatusView invitationOf(String personId) {
        return invitationStatus.get(personId);
    }

    public List<PersonView> getRows() {
        return rows;
    }

    public List<PersonView> getSelected() {
        return selected;
    }

    public void setSelected(List<PersonView> selected) {
        this.selected = selected == null ? new ArrayList<>() : selected;
    }
}
