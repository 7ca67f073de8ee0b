package org.calsync.interfaces.web;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import jakarta.servlet.http.HttpSession;

import org.calsync.domain.shared.Message;
import org.calsync.interfaces.facade.dto.ConsentRedirect;

/**
 * The consent under way in this browser session: its state and PKCE verifier stay here, server-side, and
 * the provider's answer is accepted only with the same state, once.
 */
public final class PendingConsent {

    private static final String ATTRIBUTE = PendingConsent.class.getName();
    private static final String PROBLEM = ATTRIBUTE + ".problem";
    private static final String RETURN = ATTRIBUTE + ".returnTo";

    private PendingConsent() {
    }

    public static void remember(HttpSession session, ConsentRedirect consent) {
        session.setAttribute(ATTRIBUTE, (Serializable) consent);
    }

    /** The consent this state belongs to, forgotten as it is taken; null when there is none or it differs. */
    public static ConsentRedirect take(HttpSession session, String state) {
        if (session == null) {
            return null;
        }
        Object pending = session.getAttribute(ATTRIBUTE);
        session.removeAttribute(ATTRIBUTE);
        if (!(pending instanceof ConsentRedirect consent) || state == null) {
            return null;
        }
        boolean same = MessageDigest.isEqual(consent.state().getBytes(StandardCharsets.UTF_8),
                state.getBytes(StandardCharsets.UTF_8));
        return same ? consent : null;
    }

    /** The session the person started linking from, to go back to once the consent is given; null for none. */
    public static void rememberReturn(HttpSession session, String sessionId) {
        if (sessionId == null) {
            session.removeAttribute(RETURN);
        } else {
            session.setAttribute(RETURN, sessionId);
        }
    }

    /** The session to go back to, forgotten as it is taken; null when there is none. */
    public static String takeReturn(HttpSession session) {
        if (session == null) {
            return null;
        }
        Object sessionId = session.getAttribute(RETURN);
        session.removeAttribute(RETURN);
        return sessionId instanceof String id ? id : null;
    }

    /** Why the last consent could not be completed, shown once on the page the person lands on. */
    public static void rememberProblem(HttpSession session, Message problem) {
        session.setAttribute(PROBLEM, problem);
    }

    public static String takeProblem(HttpSession session, Locale locale) {
        if (session == null) {
            return "";
        }
        Object problem = session.getAttribute(PROBLEM);
        session.removeAttribute(PROBLEM);
        return problem instanceof Message message ? message.in(locale) : "";
    }
}
