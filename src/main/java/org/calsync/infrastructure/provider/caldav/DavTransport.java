package org.calsync.infrastructure.provider.caldav;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.infrastructure.provider.rest.RetryingJsonClient;
import org.calsync.infrastructure.provider.rest.ThrottlePauses;

/**
 * HTTP for one CalDAV account: Basic authentication over the JDK client, and the mapping of failures to
 * the port's errors. 401 and 403 mean the credentials no longer work; 429, 5xx, timeouts and refused
 * connections mean "try again later", honouring Retry-After. Counts its requests for the sync log.
 */
final class DavTransport {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int CONNECTION_ATTEMPTS = 3;
    private static final int MAX_REDIRECTS = 5;
    private static final Duration CONNECTION_RETRY_PAUSE = Duration.ofMillis(150);
    /**
     * Tries of one request when a load balancer or front end fails for a moment (502, 503 or 504 without
     * Retry-After), as the other adapters try theirs; a server that names its wait is left to the outbox.
     */
    static final int GATEWAY_ATTEMPTS = 3;
    private static final Duration GATEWAY_RETRY_PAUSE = Duration.ofMillis(250);
    private static final Logger LOG = Logger.getLogger(DavTransport.class.getName());

    private final HttpClients clients;
    private final ProviderConnection connection;
    private final String authorization;
    private final AtomicInteger requests = new AtomicInteger();
    private final ThrottlePauses pauses;

    DavTransport(HttpClients clients, ProviderConnection connection) {
        this(clients, connection, ThrottlePauses.NONE);
    }

    DavTransport(HttpClients clients, ProviderConnection connection, ThrottlePauses pauses) {
        this.clients = clients;
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
            HttpResponse<String> response = exchangePastGatewayHiccups(verb, target, headers, content);
            int status = response.statusCode();
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
                        retryAfter(response.headers().firstValue("Retry-After").orElse(null)), null);
            }
            return new DavResponse(target, status, response.headers(), response.body());
        }
    }

    private HttpResponse<String> exchangePastGatewayHiccups(String method, URI uri, Map<String, String> headers,
            String body) {
        for (int attempt = 1;; attempt++) {
            HttpResponse<String> response = exchange(method, uri, headers, body);
            if (attempt == GATEWAY_ATTEMPTS || !passesSoon(response)) {
                return response;
            }
            Duration wait = GATEWAY_RETRY_PAUSE.multipliedBy(attempt);
            pauses.paused(wait);
            RetryingJsonClient.pause(wait, "CalDAV server " + uri.getHost());
        }
    }

    private static boolean passesSoon(HttpResponse<String> response) {
        int status = response.statusCode();
        return (status == 502 || status == 503 || status == 504)
                && response.headers().firstValue("Retry-After").isEmpty();
    }

    /** One request and its answer, as it comes: redirects are the caller's to follow. */
    private HttpResponse<String> exchange(String method, URI uri, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            return sendOnce(request.build());
        } catch (HttpTimeoutException e) {
            throw new ProviderUnavailableException(FailureKind.UNREACHABLE,
                    "CalDAV server did not answer in time: " + uri.getHost(), null, e);
        } catch (IOException e) {
            throw new ProviderUnavailableException(FailureKind.UNREACHABLE,
                    "CalDAV server unreachable: " + uri.getHost() + " (" + e + ")", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException(FailureKind.OTHER,
                    "Interrupted while calling " + uri.getHost(), null, e);
        }
    }

    /**
     * Where a redirect points (discovery meets them: /.well-known/caldav, iCloud's partition servers), never from
     * https down to http. Followed here rather than by the JDK client, so that each hop has its own retry on a
     * dead connection: a server that closes the connection after the redirect otherwise failed the hop after it
     * on every attempt.
     */
    private static Optional<URI> redirect(URI from, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            return Optional.empty();
        }
        return response.headers().firstValue("Location").map(from::resolve)
                .filter(to -> !("https".equalsIgnoreCase(from.getScheme()) && "http".equalsIgnoreCase(to.getScheme())));
    }

    /**
     * Sends, and again on a fresh client when an attempt fails on the connection itself: a pooled connection
     * the server had closed meanwhile fails before any answer, and a server at its connection limit may drop
     * a new one. Every request this adapter makes is safe to repeat: reads, conditional PUTs and DELETEs.
     * Timeouts are not repeated.
     */
    private HttpResponse<String> sendOnce(HttpRequest request) throws IOException, InterruptedException {
        HttpClient http = clients.current();
        for (int attempt = 1;; attempt++) {
            requests.incrementAndGet();
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (HttpTimeoutException | ConnectException notWorthRepeating) {
                throw notWorthRepeating; // slow, or nobody listening: the outbox retries later
            } catch (IOException deadConnection) {
                if (attempt == CONNECTION_ATTEMPTS) {
                    throw deadConnection;
                }
                LOG.fine(() -> "Connection to " + request.uri().getHost() + " failed (" + deadConnection
                        + "); trying again on a fresh client");
                Thread.sleep(CONNECTION_RETRY_PAUSE.toMillis() * attempt);
                http = clients.renew(http);
            }
        }
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
