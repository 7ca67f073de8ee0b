package org.calsync.interfaces.web.portal;

import java.io.Serializable;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.LinkTermsFacade;
import org.calsync.interfaces.facade.dto.TermsStandingView;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.Formats;
import org.calsync.interfaces.web.Texts;

/** The terms a person accepts before linking a calendar, on My calendars: shown until accepted, then remembered. */
@Named
@ViewScoped
public class MyLinkTerms implements Serializable {

    @Inject
    private LinkTermsFacade terms;

    @Inject
    private CurrentUser user;

    @Inject
    private Formats formats;

    private TermsStandingView standing;

    public void load() {
        standing = terms.standing(user.getTenantId(), user.getPersonId());
    }

    public void accept() {
        try {
            standing = terms.accept(user.getTenantId(), user.getPersonId());
            FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("myCalendars.termsAccepted"));
        } catch (RuntimeException e) {
            FacesErrors.show("termsForm", e);
        }
    }

    /** Terms are asked and not accepted yet: linking waits. */
    public boolean isMustAccept() {
        return standing != null && standing.mustAccept();
    }

    public String getText() {
        return standing == null ? null : standing.text();
    }

    /** When the person accepted the current terms, in a sentence; null when none are asked or not yet accepted. */
    public String getAccepted() {
        if (standing == null || standing.acceptedAt() == null) {
            return null;
        }
        return Texts.get("myCalendars.termsAcceptedOn", formats.moment(standing.acceptedAt(), user.getTimeZone()));
    }
}
