package org.calsync.domain.model.calendar;

import java.net.URI;
import java.util.Objects;

/**
 * How to reach one linked account: the server (or the provider's default), who to act as, and the
 * decrypted secret. Lives only in memory for the duration of a call; toString never shows the secret.
 */
public record ProviderConnection(URI server, String username, String secret) {

    public ProviderConnection {
        Objects.requireNonNull(server, "server");
    }

    @Override
    public String toString() {
        return "ProviderConnection[" + username + "@" + server + "]";
    }
}
