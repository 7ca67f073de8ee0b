package org.calsync.domain.model.calendar;

import java.net.URI;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How to reach one linked account: the server (or the provider's default), who to sign in as, the decrypted
 * secret, the owner's zone, in which floating times and all-day dates are read, and, for a service account
 * acting for many people (EWS impersonation), whose mailbox to act for. Lives only in memory for the
 * duration of a call; toString never shows the secret.
 *
 * @param actAs   the mailbox (SMTP address) to act for, or null to use the signed-in account's own
 * @param options what the organisation says about reaching its own server (Exchange's sign-in, release, CA)
 */
public record ProviderConnection(URI server, String username, String secret, ZoneId ownerZone, String actAs,
        ServerOptions options) {

    public ProviderConnection {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(ownerZone, "ownerZone");
        options = options == null ? ServerOptions.NONE : options;
    }

    /** Signing in as the account whose calendar it is. */
    public ProviderConnection(URI server, String username, String secret, ZoneId ownerZone) {
        this(server, username, secret, ownerZone, null, ServerOptions.NONE);
    }

    public ProviderConnection(URI server, String username, String secret, ZoneId ownerZone, String actAs) {
        this(server, username, secret, ownerZone, actAs, ServerOptions.NONE);
    }

    @Override
    public String toString() {
        return "ProviderConnection[" + username + "@" + server + (actAs == null ? "" : " for " + actAs) + "]";
    }
}
