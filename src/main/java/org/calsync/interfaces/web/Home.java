package org.calsync.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The landing page sends admins to the console and everyone else to the portal. */
@Named
@RequestScoped
public class Home {

    @Inject
    private CurrentUser user;

    public String route() {
        return user.isAdmin() ? "/admin/sessions.xhtml?faces-redirect=true" : "/portal/index.xhtml?faces-redirect=true";
    }
}
