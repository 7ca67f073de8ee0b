package org.calsync.domain.model.calendar;

import java.net.URI;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach one linked account: the server (or the provider's default), who to sign in as, the decrypted
 * secret, the owner's zone, in which floating times and all-day dates are read, and, for a service account
 * acting for many people (EWS impersonation), whose mailbox to act for. Lives only in memory for the
 * duration of a call; toString never shows the secret.
 *
 * @param actAs   the mailbox (SMTP address) to act for, or null to use the signed-in account's own
 * @param options provider-specific settings of the organisation, e.g. {@link #AUTH_SCHEME} for Exchange
 */
public record ProviderConnection(URI server, String username, String secret, ZoneId ownerZone, String actAs,
        Map<String, String> options) {

    /** BASIC or NTLM: how to sign in where the server offers both. */
    public static final String AUTH_SCHEME = "authScheme";
    /** PEM certificates of a private CA that signed the server's certificate. */
    public static final String TRUSTED_CERTIFICATES = "trustedCertificates";
    /** The Exchange release the server runs (an ExchangeServerVersion name), which decides how requests are written. */
    public static final String SERVER_VERSION = "serverVersion";

    public ProviderConnection {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(ownerZone, "ownerZone");
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** Signing in as the account whose calendar it is. */
    public ProviderConnection(URI server, String username, String secret, ZoneId ownerZone) {
        this(server, username, secret, ownerZone, null, Map.of());
    }

    public ProviderConnection(URI server, String username, String secret, ZoneId ownerZone, String actAs) {
        this(server, username, secret, ownerZone, actAs, Map.of());
    }

    @Override
    public String toString() {
        return "ProviderConnection[" + username + "@" + server + (actAs == null ? "" : " for " + actAs) + "]";
    }
}
