package org.calsync.infrastructure.provider.caldav;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * The connections CalDAV calls share, over Apache HttpClient rather than the JDK client. CalDAV servers differ in
 * how long they keep a connection open: Radicale answers in HTTP/1.0 and closes every connection after its answer,
 * and the JDK client (17) pools such a connection anyway, so about one request in eight went out on a closed
 * connection, failed before any answer and had to be sent again. This pool reuses a connection only when the
 * answer allows it (HTTP/1.1 without "Connection: close", or a Keep-Alive), no longer than the server's Keep-Alive
 * timeout, and checks one that has been idle for a while before offering it again. Apache HttpClient is on the
 * path already: the EWS Java API is built on it.
 */
final class DavConnections implements AutoCloseable {

    /** Above the hourly pull's parallel reads, so that a push is not queued behind them on a busy server. */
    private static final int PER_SERVER = 20;
    private static final int IN_ALL = 200;
    /** Idle longer than this, a connection is checked before it is reused: servers close theirs after 30 s or less. */
    private static final int CHECK_AFTER_IDLE_MS = 1_000;
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private final PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
    private final CloseableHttpClient client;

    DavConnections() {
        pool.setDefaultMaxPerRoute(PER_SERVER);
        pool.setMaxTotal(IN_ALL);
        pool.setValidateAfterInactivity(CHECK_AFTER_IDLE_MS);
        int answerTimeout = (int) DavTransport.TIMEOUT.toMillis();
        RequestConfig timeouts = RequestConfig.custom().setConnectTimeout(CONNECT_TIMEOUT_MS)
                .setSocketTimeout(answerTimeout).setConnectionRequestTimeout(answerTimeout).build();
        // Redirects are followed by DavTransport, one hop at a time, and a failed connection is retried there: the
        // client does neither. No cookies: every request carries its own credentials.
        client = HttpClientBuilder.create().setConnectionManager(pool).setDefaultRequestConfig(timeouts)
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .evictIdleConnections(30, TimeUnit.SECONDS).setUserAgent("CalSync").build();
    }

    CloseableHttpClient client() {
        return client;
    }

    /** Connections kept open for the next request. */
    int idle() {
        return pool.getTotalStats().getAvailable();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // closing idle sockets: nothing is lost
        }
    }
}
