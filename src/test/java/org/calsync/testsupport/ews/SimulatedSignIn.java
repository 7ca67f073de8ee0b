package org.calsync.testsupport.ews;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;

/**
 * How the simulator's IIS signs people in: Basic, NTLM, or both offered as Exchange's EWS directory offers
 * them. DOMAIN\\user, user@domain and user are the same account.
 */
public final class SimulatedSignIn {

    /** Which schemes the server offers in its 401 challenge. */
    public enum Offered {
        BASIC_AND_NTLM, NTLM_ONLY, BASIC_ONLY;

        boolean basic() {
            return this != NTLM_ONLY;
        }

        boolean ntlm() {
            return this != BASIC_ONLY;
        }
    }

    /** Who signed in, and how. */
    record SignedIn(String user, String scheme) {
    }

    private final Map<String, String> passwords;
    private final NtlmServer ntlm = new NtlmServer("NORTHWIND");
    private final AtomicInteger challenges = new AtomicInteger();
    private volatile Offered offered = Offered.BASIC_AND_NTLM;

    SimulatedSignIn(Map<String, String> passwords) {
        this.passwords = passwords;
    }

    void offer(Offered schemes) {
        this.offered = schemes;
    }

    int challenges() {
        return challenges.get();
    }

    /** The caller, or null when a 401 went back: a challenge, or NTLM's second leg. */
    SignedIn check(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String connection = String.valueOf(exchange.getRemoteAddress());
        SignedIn who = null;
        if (header != null && header.startsWith("NTLM ") && offered.ntlm()) {
            byte[] reply;
            try {
                reply = ntlm.accept(connection, Base64.getDecoder().decode(header.substring(5).trim()), this::passwordOf);
            } catch (IllegalArgumentException unreadable) {
                reply = null;
            }
            if (reply != null) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "NTLM " + Base64.getEncoder().encodeToString(reply));
                EwsSimulator.send(exchange, 401, "");
                return null;
            }
            who = signedIn(account(ntlm.userOf(connection)), "NTLM");
        } else if (header != null && header.startsWith("Basic ") && offered.basic()) {
            who = signedIn(basic(header.substring(6)), "Basic");
        } else if (header == null && offered.ntlm()) {
            // NTLM signs in the connection; later requests on it carry no header.
            who = signedIn(account(ntlm.userOf(connection)), "NTLM");
        }
        if (who == null) {
            ntlm.closed(connection);
            challenges.incrementAndGet();
            if (offered.ntlm()) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "NTLM");
            }
            if (offered.basic()) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"EWS simulator\"");
            }
            EwsSimulator.send(exchange, 401, "");
        }
        return who;
    }

    private static SignedIn signedIn(String user, String scheme) {
        return user == null ? null : new SignedIn(user, scheme);
    }

    private String basic(String encoded) {
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String user = account(pair.substring(0, colon));
        String expected = user == null ? null : passwords.get(user);
        return expected != null && expected.equals(pair.substring(colon + 1)) ? user : null;
    }

    private String passwordOf(String user) {
        String account = account(user);
        return account == null ? null : passwords.get(account);
    }

    /** The account a sign-in name means: DOMAIN\\user, user@domain and user are the same. */
    private String account(String name) {
        if (name == null) {
            return null;
        }
        String user = name.toLowerCase();
        user = user.contains("\\") ? user.substring(user.indexOf('\\') + 1) : user;
        if (!passwords.containsKey(user) && user.contains("@")) {
            user = user.substring(0, user.indexOf('@'));
        }
        return passwords.containsKey(user) ? user : null;
    }
}
