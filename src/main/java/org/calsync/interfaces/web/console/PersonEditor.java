package org.calsync.interfaces.web.console;

import java.io.Serializable;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.domain.shared.UnknownEntityException;
import org.calsync.interfaces.facade.PeopleFacade;
import org.calsync.interfaces.facade.dto.PersonForm;
import org.calsync.interfaces.facade.dto.PersonView;
import org.calsync.interfaces.facade.dto.RoleView;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.Texts;

/** Creates or edits one person: details, working hours, roles and an optional password. */
@Named
@ViewScoped
public class PersonEditor implements Serializable {

    @Inject
    private PeopleFacade people;

    @Inject
    private CurrentUser user;

    private String id;
    private boolean missing;
    private String email;
    private String displayName;
    private String timeZone;
    private LocalTime workStart = LocalTime.of(9, 0);
    private LocalTime workEnd = LocalTime.of(17, 0);
    private List<String> workDays = new ArrayList<>(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"));
    private List<String> roleIds = new ArrayList<>();
    private String password;
    private String language = PersonForm.ORGANISATION_LANGUAGE;
    private List<RoleView> roles = List.of();

    public void load() {
        roles = people.roles(user.getTenantId());
        if (id == null || id.isBlank()) {
            timeZone = user.getTimeZone();
            return;
        }
        try {
            PersonView person = people.get(user.getTenantId(), id);
            email = person.email();
            displayName = person.displayName();
            timeZone = person.timeZone();
            workStart = person.workStart();
            workEnd = person.workEnd();
            workDays = new ArrayList<>(person.workDays());
            roleIds = new ArrayList<>(person.roleIds());
            language = person.language() == null ? PersonForm.ORGANISATION_LANGUAGE : person.language();
        } catch (UnknownEntityException e) {
            missing = true;
            FacesErrors.global(FacesMessage.SEVERITY_ERROR, Texts.get("person.notInOrganisation"));
        }
    }

    /** "en", "fr", or blank for the organisation's language. */
    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String save() {
        PersonForm form = new PersonForm(email, displayName, timeZone, workStart, workEnd, new HashSet<>(workDays),
                new HashSet<>(roleIds), password, language == null ? PersonForm.ORGANISATION_LANGUAGE : language);
        try {
            boolean creating = isNew();
            if (creating) {
                people.create(user.getTenantId(), form);
            } else {
                people.update(user.getTenantId(), id, form);
            }
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get(creating ? "person.added" : "person.saved", displayName));
            return "/admin/people.xhtml?faces-redirect=true";
        } catch (RuntimeException e) {
            FacesErrors.show("personForm", e);
            return null;
        }
    }

    public boolean isNew() {
        return id == null || id.isBlank();
    }

    public boolean isMissing() {
        return missing;
    }

    public List<RoleView> getRoles() {
        return roles;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public LocalTime getWorkStart() {
        return workStart;
    }

    public void setWorkStart(LocalTime workStart) {
        this.workStart = workStart;
    }

    public LocalTime getWorkEnd() {
        return workEnd;
    }

    public void setWorkEnd(LocalTime workEnd) {
        this.workEnd = workEnd;
    }

    public List<String> getWorkDays() {
        return workDays;
    }

    public void setWorkDays(List<String> workDays) {
        this.workDays = workDays;
    }

    public List<String> getRoleIds() {
        return roleIds;
    }

    public void setRoleIds(List<String> roleIds) {
        this.roleIds = roleIds;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
