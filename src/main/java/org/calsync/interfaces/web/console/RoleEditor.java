package org.calsync.interfaces.web.console;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.PeopleFacade;
import org.calsync.interfaces.facade.dto.PauseImpactView;
import org.calsync.interfaces.facade.dto.RoleView;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.Texts;
import org.primefaces.PrimeFaces;

/** Edits which permissions each role grants, and adds roles. */
@Named
@ViewScoped
public class RoleEditor implements Serializable {

    @Inject
    private PeopleFacade people;

    @Inject
    private CurrentUser user;

    private List<RoleView> roles = List.of();
    private final Map<String, List<String>> selected = new HashMap<>();
    private String newRoleName;
    private List<String> newRolePermissions = new ArrayList<>();
    private PauseImpactView pause;
    private RoleView pausing;

    public void load() {
        roles = people.roles(user.getTenantId());
        selected.clear();
        roles.forEach(role -> selected.put(role.id(), new ArrayList<>(role.permissions())));
    }

    /**
     * Saves at once unless the change pauses calendars (the role no longer links calendars): then the admin is first
     * told how many, and chooses whether the events CalSync wrote there are deleted or left.
     */
    public void save(RoleView role) {
        try {
            pause = people.impactOfPermissions(user.getTenantId(), role.id(), new HashSet<>(selected.get(role.id())));
            if (pause.accounts() > 0) {
                pausing = role;
                PrimeFaces.current().executeScript("PF('rolePauseDialog').show()");
                return;
            }
            apply(role, false);
        } catch (RuntimeException e) {
            FacesErrors.show("rolesForm", e);
            load();
        }
    }

    public void saveRemovingEvents() {
        apply(pausing, true);
    }

    public void saveLeavingEvents() {
        apply(pausing, false);
    }

    private void apply(RoleView role, boolean removeWrittenEvents) {
        try {
            people.changePermissions(user.getTenantId(), role.id(), new HashSet<>(selected.get(role.id())), removeWrittenEvents);
            String saved = Texts.get("roles.saved", role.name());
            if (pause != null && pause.accounts() > 0) {
                saved += " " + Texts.get(removeWrittenEvents ? "settings.pausedRemoving" : "settings.pausedLeaving",
                        pause.accounts());
            }
            FacesErrors.global(FacesMessage.SEVERITY_INFO, saved);
        } catch (RuntimeException e) {
            FacesErrors.show("rolesForm", e);
        } finally {
            pause = null;
            pausing = null;
        }
        load();
    }

    /** What saving would pause, while the admin is asked. */
    public PauseImpactView getPause() {
        return pause;
    }

    public void create() {
        try {
            people.createRole(user.getTenantId(), newRoleName, new HashSet<>(newRolePermissions));
            FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("roles.added", newRoleName.strip()));
            newRoleName = null;
            newRolePermissions = new ArrayList<>();
            load();
        } catch (RuntimeException e) {
            FacesErrors.show("newRoleForm", e);
        }
    }

    public List<RoleView> getRoles() {
        return roles;
    }

    public Map<String, List<String>> getSelected() {
        return selected;
    }

    public String getNewRoleName() {
        return newRoleName;
    }

    public void setNewRoleName(String newRoleName) {
        this.newRoleName = newRoleName;
    }

    public List<String> getNewRolePermissions() {
        return newRolePermissions;
    }

    public void setNewRolePermissions(List<String> newRolePermissions) {
        this.newRolePermissions = newRolePermissions;
    }
}
