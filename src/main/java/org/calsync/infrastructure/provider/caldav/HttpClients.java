package org.calsync.infrastructure.provider.caldav;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The HTTP client CalDAV calls share, renewed after a connection-level failure. The JDK client keeps idle
 * connections for up to twenty minutes; servers close theirs much sooner (Radicale after 30 seconds, many
 * proxies sooner), and a client full of dead connections would fail every retry. A renewed client starts
 * with an empty pool; the old one is dropped and its connections with it.
 */
final class HttpClients {

    private volatile HttpClient current = create();

    HttpClient current() {
        return current;
    }

    /** Replaces the client that failed, unless another caller has already replaced it. */
    synchronized HttpClient renew(HttpClient failed) {
        if (current == failed) {
            current = create();
        }
        return current;
    }

    private static HttpClient create() {
        // HTTP/1.1 only: on plain http the JDK client otherwise offers an h2c upgrade with the request body, which
        // servers such as xandikos leave unanswered, so discovery stalled until its timeout (RFC 6764 redirects too).
        // Redirects are followed by DavTransport, one hop at a time.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }
}
