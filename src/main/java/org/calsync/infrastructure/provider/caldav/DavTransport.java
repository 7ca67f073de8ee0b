package org.calsync.infrastructure.provider.caldav;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.NoHttpResponseException;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.util.EntityUtils;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.infrastructure.provider.rest.RetryingJsonClient;
import org.calsync.infrastructure.provider.rest.ThrottlePauses;

/**
 * HTTP for one CalDAV account: Basic authentication over the shared {@link DavConnections}, and the mapping of
 * failures to the port's errors. 401 and 403 mean the credentials no longer work; 429, 5xx, timeouts and refused
 * connections mean "try again later", honouring Retry-After. Counts the requests that reached the server, for the
 * sync log and the metrics.
 */
final class DavTransport {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int CONNECTION_ATTEMPTS = 3;
    private static final int MAX_REDIRECTS = 5;
    /** Before the third try: a server at its connection limit that dropped a new connection twice. */
    private static final Duration CONNECTION_RETRY_PAUSE = Duration.ofMillis(150);
    /**
     * Tries of one request when a load balancer or front end fails for a moment (502, 503 or 504 without
     * Retry-After), as the other adapters try theirs; a server that names its wait is left to the outbox.
     */
    static final int GATEWAY_ATTEMPTS = 3;
    private static final Duration GATEWAY_RETRY_PAUSE = Duration.ofMillis(250);
    private static final Logger LOG = Logger.getLogger(DavTransport.class.getName());

    private final DavConnections connections;
    private final ProviderConnection connection;
    private final String authorization;
    private final AtomicInteger requests = new AtomicInteger();
    private final ThrottlePauses pauses;

    DavTransport(DavConnections connections, ProviderConnection connection) {
        this(connections, connection, ThrottlePauses.NONE);
    }

    DavTransport(DavConnections connections, ProviderConnection connection, ThrottlePauses pauses) {
        this.connections = connections;
        this.connection = connection;
        this.pauses = pauses;
        String pair = connection.username() + ":" + connection.secret();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    URI server() {
        return connection.server();
    }

    int requests() {
        return requests.get();
    }

    /** A WebDAV query (PROPFIND or REPORT) with an XML body, to the given depth. */
    DavResponse query(String method, URI uri, String depth, String xml) {
        return send(method, uri, Map.of("Depth", depth, "Content-Type", "application/xml; charset=utf-8"), xml);
    }

    DavResponse send(String method, URI uri, Map<String, String> headers, String body) {
        URI target = uri;
        String verb = method;
        String content = body;
        for (int hop = 0;; hop++) {
            DavResponse response = exchangePastGatewayHiccups(verb, target, headers, content);
            int status = response.status();
            Optional<URI> next = hop < MAX_REDIRECTS ? redirect(target, response) : Optional.empty();
            if (next.isPresent()) {
                target = next.get();
                if (status == 303) { // See Other: read what it points to
                    verb = "GET";
                    content = null;
                }
                continue;
            }
            if (status == 401) {
                throw new AuthorisationLostException("The CalDAV server refused the user name or password ("
                        + target.getHost() + ", HTTP 401).");
            }
            if (status == 429 || status >= 500) {
                throw new ProviderUnavailableException(FailureKind.BUSY,
                        "CalDAV server " + target.getHost() + " answered HTTP " + status,
                        retryAfter(response.header("Retry-After")), null);
            }
            return response;
        }
    }

    private DavResponse exchangePastGatewayHiccups(String method, URI uri, Map<String, String> headers, String body) {
        for (int attempt = 1;; attempt++) {
            DavResponse response = exchange(method, uri, headers, body);
            if (attempt == GATEWAY_ATTEMPTS || !passesSoon(response)) {
                return response;
            }
            Duration wait = GATEWAY_RETRY_PAUSE.multipliedBy(attempt);
            pauses.paused(wait);
            RetryingJsonClient.pause(wait, "CalDAV server " + uri.getHost());
        }
    }

    private static boolean passesSoon(DavResponse response) {
        int status = response.status();
        return (status == 502 || status == 503 || status == 504) && response.header("Retry-After") == null;
    }

    /** One request and its answer, as it comes: redirects are the caller's to follow. */
    private DavResponse exchange(String method, URI uri, Map<String, String> headers, String body) {
        RequestBuilder request = RequestBuilder.create(method).setUri(uri).setHeader("Authorization", authorization);
        headers.forEach(request::setHeader);
        if (body != null) {
            request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return sendOnce(uri, request.build());
        } catch (SocketTimeoutException | ConnectTimeoutException e) {
            throw new ProviderUnavailableException(FailureKind.UNREACHABLE,
                    "CalDAV server did not answer in time: " + uri.getHost(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException(FailureKind.OTHER,
                    "Interrupted while calling " + uri.getHost(), null, e);
        } catch (IOException e) {
            // The exception's own words, not its class name: the message shows on narrow pages too.
            throw new ProviderUnavailableException(FailureKind.UNREACHABLE, "CalDAV server unreachable: " + uri.getHost()
                    + " (" + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()) + ")", null, e);
        }
    }

    /**
     * Where a redirect points (discovery meets them: /.well-known/caldav, iCloud's partition servers), never from
     * https down to http. Followed here rather than by the HTTP client, so that each hop has its own retry on a
     * dead connection: a server that closes the connection after the redirect otherwise failed the hop after it
     * on every attempt.
     */
    private static Optional<URI> redirect(URI from, DavResponse response) {
        int status = response.status();
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            return Optional.empty();
        }
        return Optional.ofNullable(response.header("Location")).map(from::resolve)
                .filter(to -> !("https".equalsIgnoreCase(from.getScheme()) && "http".equalsIgnoreCase(to.getScheme())));
    }

    /**
     * Sends, and again on another connection when the server closed the one used before answering: a connection
     * can pass the pool's check and still be closed by the server the moment the request leaves. That attempt never
     * reached the server, so it is not counted, and the next goes at once. A server at its connection limit may
     * drop new connections too; the third try waits a moment first. Every request this adapter makes is safe to
     * repeat: reads, conditional PUTs and DELETEs. Timeouts and refused connections are not repeated.
     */
    private DavResponse sendOnce(URI uri, HttpUriRequest request) throws IOException, InterruptedException {
        for (int attempt = 1;; attempt++) {
            try (CloseableHttpResponse answer = connections.client().execute(request)) {
                requests.incrementAndGet();
                HttpEntity entity = answer.getEntity();
                String body = entity == null ? "" : new String(EntityUtils.toByteArray(entity), StandardCharsets.UTF_8);
                return new DavResponse(uri, answer.getStatusLine().getStatusCode(), firstValues(answer.getAllHeaders()),
                        body);
            } catch (SocketTimeoutException timedOut) {
                requests.incrementAndGet(); // it reached the server, which did not answer in time
                throw timedOut;
            } catch (ConnectException nobodyListening) {
                throw nobodyListening; // the outbox retries later
            } catch (NoHttpResponseException | SocketException closedBeforeAnswering) {
                if (attempt == CONNECTION_ATTEMPTS) {
                    throw closedBeforeAnswering;
                }
                LOG.fine(() -> "Connection to " + uri.getHost() + " closed before an answer; sending again");
                if (attempt > 1) {
                    Thread.sleep(CONNECTION_RETRY_PAUSE.toMillis());
                }
            }
        }
    }

    /** Each header's first value, found by its name in any case, as HTTP names are. */
    private static Map<String, String> firstValues(Header[] headers) {
        Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : headers) {
            values.putIfAbsent(header.getName(), header.getValue());
        }
        return values;
    }

    /** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
