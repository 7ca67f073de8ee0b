package org.calsync.interfaces.web;

import java.security.Principal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import org.calsync.interfaces.facade.TenantFacade;
import org.calsync.interfaces.facade.dto.SignedInUser;

/**
 * The signed-in person and their tenant, read once per request. Every page bean takes the tenant from
 * here, never from a request parameter, so no page can reach another tenant's data.
 */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    private SecurityContext security;

    @Inject
    private TenantFacade tenants;

    private SignedInUser user;

    public SignedInUser get() {
        if (user == null) {
            Principal principal = security.getCallerPrincipal();
            if (principal == null) {
                throw new IllegalStateException("No signed-in user on a protected page");
            }
            user = tenants.signedInUser(principal.getName())
                    .orElseThrow(() -> new IllegalStateException("Signed-in person no longer exists"));
        }
        return user;
    }

    public boolean isSignedIn() {
        return security.getCallerPrincipal() != null;
    }

    public String getTenantId() {
        return get().tenantId();
    }

    public String getTenantName() {
        return get().tenantName();
    }

    public String getDisplayName() {
        return get().displayName();
    }

    public String getPersonId() {
        return get().personId();
    }

    public String getTimeZone() {
        return get().timeZone();
    }

    public boolean isAdmin() {
        return security.isCallerInRole("ADMINISTER_TENANT");
    }

    /** Delivers sessions, so publishes availability that learners can book. */
    public boolean isInstructor() {
        return security.isCallerInRole("DELIVER_SESSIONS");
    }

    /** Neither delivers sessions nor administers: a learner, who books time with their instructors. */
    public boolean isLearner() {
        return !isInstructor() && !isAdmin();
    }
}
