package org.calsync.interfaces.web.console;

import java.io.Serializable;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.LinkTermsFacade;
import org.calsync.interfaces.facade.dto.LinkTermsView;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.Formats;
import org.calsync.interfaces.web.Texts;

/** The terms people accept before they link a calendar, on the Integration page. */
@Named
@ViewScoped
public class LinkTermsEditor implements Serializable {

    @Inject
    private LinkTermsFacade terms;

    @Inject
    private CurrentUser user;

    @Inject
    private Formats formats;

    private LinkTermsView current;
    private String text;

    public void load() {
        current = terms.current(user.getTenantId());
        text = current.text();
    }

    public void save() {
        try {
            terms.change(user.getTenantId(), text);
            FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get(text == null || text.isBlank()
                    ? "settings.linkTermsRemoved" : "settings.linkTermsSaved"));
            load();
        } catch (RuntimeException e) {
            FacesErrors.show("linkTermsForm", e);
        }
    }

    /** Which version is asked and how many people accepted it, in a sentence; null when none is asked. */
    public String getStanding() {
        if (current == null || current.text() == null) {
            return null;
        }
        return Texts.get("settings.linkTermsStanding", formats.moment(current.changedAt(), user.getTimeZone()),
                current.acceptedBy());
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
