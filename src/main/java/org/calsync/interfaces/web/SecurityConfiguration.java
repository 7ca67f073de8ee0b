package org.calsync.interfaces.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form sign-in for the console and the portal, through the JSF page login.xhtml ({@link SignIn}). Roles are the permission names (plus SIGNED_IN), mapped
 * one to one from the identity store's groups; web.xml says which pages need which.
 */
@ApplicationScoped
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({"SIGNED_IN", "ADMINISTER_TENANT", "MANAGE_SESSIONS", "DELIVER_SESSIONS", "CALENDAR_INTEGRATION"})
public class SecurityConfiguration {
}
