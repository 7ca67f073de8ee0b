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
