package org.calsync.interfaces.web;

import java.io.IOException;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.Language;
import org.calsync.interfaces.facade.OAuthFacade;
import org.calsync.interfaces.facade.dto.CalendarAccountView;
import org.calsync.interfaces.facade.dto.ConsentRedirect;

/**
 * Where Microsoft and Google send the person back after consent. Only the state this session started is
 * accepted; the outcome is shown on My calendars, where the person chooses calendars and privacy next.
 */
@WebServlet("/oauth/callback")
public class OAuthCallback extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(OAuthCallback.class.getName());
    static final String PAGE = "/portal/calendars.xhtml";

    @Inject
    private OAuthFacade oauth;

    @Inject
    private CurrentUser user;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ConsentRedirect pending = PendingConsent.take(request.getSession(false), request.getParameter("state"));
        String outcome;
        if (pending == null) {
            LOG.warning(() -> "A consent answer with an unknown state was refused (from " + request.getRemoteAddr() + ")");
            outcome = "consent=unknown";
        } else if (request.getParameter("error") != null || request.getParameter("code") == null) {
            outcome = "consent=declined&provider=" + pending.provider();
        } else {
            try {
                CalendarAccountView account = oauth.completeConsent(user.getTenantId(), user.getPersonId(), pending,
                        request.getParameter("code"), Language.speaking(request.getLocale()));
                String returnTo = PendingConsent.takeReturn(request.getSession(false));
                outcome = "consent=connected&account=" + account.id() + (returnTo == null ? "" : "&returnTo=" + returnTo);
            } catch (InvalidInputException e) {
                LOG.warning(() -> "Consent for " + pending.provider() + " could not be completed: " + e.getMessage());
                PendingConsent.rememberProblem(request.getSession(), e.errors().get(0).text());
                outcome = "consent=failed&provider=" + pending.provider();
            }
        }
        response.sendRedirect(request.getContextPath() + PAGE + "?" + outcome);
    }
}
