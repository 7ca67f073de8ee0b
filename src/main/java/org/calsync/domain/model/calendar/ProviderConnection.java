package org.calsync.domain.model.calendar;

import java.net.URI;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How to reach one linked account: the server (or the provider's default), who to act as, the decrypted
 * secret, and the owner's zone, in which floating times and all-day dates are read. Lives only in memory
 * for the duration of a call; toString never shows the secret.
 */
public record ProviderConnection(URI server, String username, String secret, ZoneId ownerZone) {

    public ProviderConnection {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(ownerZone, "ownerZone");
    }

    @Override
    public String toString() {
        return "ProviderConnection[" + username + "@" + server + "]";
    }
}
