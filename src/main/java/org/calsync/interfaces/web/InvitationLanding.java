package org.calsync.interfaces.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import java.io.IOException;
import java.io.Serializable;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.calsync.interfaces.facade.InvitationFacade;
import org.calsync.interfaces.facade.dto.InvitationLandingView;

/**
 * Where an invitation link lands: what will be shared, then a password (chosen, or confirmed by someone who
 * has one), then the person is signed in and taken to linking their calendar. A used, expired or replaced
 * link gets a page that says so.
 */
@Named
@ViewScoped
public class InvitationLanding implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private InvitationFacade invitations;

    @Inject
    private SecurityContext security;

    private String token;
    private InvitationLandingView view;
    private String password;
    private String repeatedPassword;

    public void load() {
        view = invitations.open(token);
    }

    public void accept() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (view.needsPassword() && (password == null || !password.equals(repeatedPassword))) {
            faces.addMessage("invitationForm:repeatedPassword", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    Texts.get("invitation.passwordsDiffer"), null));
            faces.validationFailed();
            return;
        }
        String email;
        try {
            email = invitations.accept(token, password);
        } catch (RuntimeException e) {
            FacesErrors.show("invitationForm", e);
            view = invitations.open(token);
            return;
        }
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                withParams().newAuthentication(true).credential(new UsernamePasswordCredential(email, new Password(password))));
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(external.getRequestContextPath() + "/portal/calendars.xhtml?welcome=true");
        } else if (status == AuthenticationStatus.SEND_CONTINUE) {
            faces.responseComplete();
        } else {
            external.redirect(external.getRequestContextPath() + "/login.xhtml");
        }
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public InvitationLandingView getView() {
        return view;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRepeatedPassword() {
        return repeatedPassword;
    }

    public void setRepeatedPassword(String repeatedPassword) {
        this.repeatedPassword = repeatedPassword;
    }
}
