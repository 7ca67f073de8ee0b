package org.calsync.interfaces.web;

import java.io.Serializable;
import java.util.Set;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Form sign-in for the console and the portal, through the JSF page login.xhtml ({@link SignIn}). Roles are the
 * permission names (plus SIGNED_IN), mapped one to one from the identity store's groups; web.xml says which pages
 * need which.
 *
 * <p>Who is signed in, with their groups, is a plain attribute of the web session, given back to the container on
 * every request. The container's own remembered sign-in (Soteria's auto-apply session) loses the groups when the
 * data grid hands the session to another instance, and the person would then be refused every page there.
 */
@ApplicationScoped
@DeclareRoles({"SIGNED_IN", "ADMINISTER_TENANT", "MANAGE_SESSIONS", "DELIVER_SESSIONS", "CALENDAR_INTEGRATION"})
public class SignInMechanism implements HttpAuthenticationMechanism {

    private static final String LOGIN_PAGE = "/login.xhtml";
    private static final String SIGNED_IN = SignInMechanism.class.getName() + ".signedIn";
    private static final String REQUESTED_PAGE = SignInMechanism.class.getName() + ".requestedPage";

    /** The person this browser session signed in as, and their groups at that moment. */
    private record SignedInCaller(String name, Set<String> groups) implements Serializable {
    }

    @Inject
    private IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return signIn(request, context, identityStores.validate(credential));
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN) instanceof SignedInCaller caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        if (context.isProtected()) {
            if ("GET".equals(request.getMethod())) {
                request.getSession().setAttribute(REQUESTED_PAGE, pathOf(request));
            }
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    private static AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context,
            CredentialValidationResult result) {
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return context.notifyContainerAboutLogin(result);
        }
        // A new session id at sign-in, so an id planted before it is worth nothing after.
        HttpSession session = request.getSession();
        request.changeSessionId();
        session.setAttribute(SIGNED_IN,
                new SignedInCaller(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
        return context.notifyContainerAboutLogin(result);
    }

    /** The page a person asked for before they were sent to sign in, forgotten as it is taken; empty if none. */
    static String takeRequestedPage(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(REQUESTED_PAGE) instanceof String page)) {
            return "";
        }
        session.removeAttribute(REQUESTED_PAGE);
        return page;
    }

    private static String pathOf(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
