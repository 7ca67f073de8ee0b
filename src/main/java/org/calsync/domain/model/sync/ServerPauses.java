package org.calsync.domain.model.sync;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One pause per calendar server, shared by every instance: a server that asked CalSync to wait (Exchange's
 * ErrorServerBusy with BackOffMilliseconds) is called by none of them, for any work, until the pause ends.
 */
public interface ServerPauses {

    /** How a server is named here: its host and port, the port its scheme implies when the address names none. */
    static String serverOf(URI address) {
        int port = address.getPort() != -1 ? address.getPort() : "https".equalsIgnoreCase(address.getScheme()) ? 443 : 80;
        return address.getHost() + ":" + port;
    }

    /** How long calls to the server must still wait; zero when they need not. */
    Duration remaining(String server);

    /** The server asked to wait this long from now; a longer pause already set is kept. */
    void pause(String server, Duration backOff);

    /** The last pause the server asked for, for the console; empty when it never throttled CalSync. */
    Optional<Pause> last(String server);

    /**
     * @param server  the server's host
     * @param askedAt when it asked
     * @param length  how long it asked to wait
     */
    record Pause(String server, Instant askedAt, Duration length) {
    }
}
