package org.calsync.infrastructure.provider.rest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.ProviderUnavailableException;

/**
 * REST calls with a bearer token, retried by the provider's {@link ErrorRules}: the server's Retry-After (in
 * seconds) when it sends one, otherwise exponential back-off with jitter. A wait longer than a few seconds,
 * or a fault that persists, becomes {@link ProviderUnavailableException} carrying the delay, so that the pull
 * or push is rescheduled instead of holding a thread. One instance per operation: it counts that
 * operation's requests, retries included; the HTTP client is shared.
 */
public final class RetryingJsonClient {

    private static final Logger LOG = Logger.getLogger(RetryingJsonClient.class.getName());
    public static final int ATTEMPTS = 4;
    /** A longer wait is not slept through: the work is rescheduled for then instead. */
    public static final Duration LONGEST_INLINE_WAIT = Duration.ofSeconds(10);
    private static final Duration PERMIT_WAIT = Duration.ofSeconds(60);
    private static final String JSON = "application/json; charset=UTF-8";

    private final HttpClient client;
    private final ErrorRules rules;
    private final Duration firstBackOff;
    private final Semaphore inFlight;
    private final ThrottlePauses pauses;
    private int requests;

    public RetryingJsonClient(HttpClient client, ErrorRules rules, Duration firstBackOff) {
        this(client, rules, firstBackOff, null, ThrottlePauses.NONE);
    }

    /**
     * @param inFlight permits for requests in flight at once to the same place (a mailbox), shared by every
     *                 client that goes there; held for one request, never across a back-off; null for no cap
     * @param pauses   told of each wait before a retry
     */
    public RetryingJsonClient(HttpClient client, ErrorRules rules, Duration firstBackOff, Semaphore inFlight,
            ThrottlePauses pauses) {
        this.client = client;
        this.rules = rules;
        this.firstBackOff = firstBackOff;
        this.inFlight = inFlight;
        this.pauses = pauses;
    }

    /** Who is told of the waits before retries, batches' included. */
    public ThrottlePauses pauses() {
        return pauses;
    }

    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Requests made since this object was created, retries included. */
    public int requests() {
        return requests;
    }

    /**
     * Sends the request until it is answered for good.
     *
     * @param headers extra headers (If-Match, Prefer), none of them null
     */
    public JsonAnswer send(String token, String method, URI uri, String jsonBody, Map<String, String> headers) {
        return send(token, method, uri, jsonBody, JSON, headers);
    }

    /** Sends a body of another kind (a multipart batch) until it is answered for good. */
    public JsonAnswer send(String token, String method, URI uri, String body, String contentType,
            Map<String, String> headers) {
        for (int attempt = 1;; attempt++) {
            JsonAnswer answer = once(token, method, uri, body, contentType, headers);
            if (rules.authorisationLost(answer)) {
                throw rules.tokenRefused(answer);
            }
            if (!rules.retryable(answer)) {
                return answer;
            }
            Duration wait = waitBefore(answer, attempt, firstBackOff);
            if (attempt == ATTEMPTS || wait.compareTo(LONGEST_INLINE_WAIT) > 0) {
                throw rules.stillFailing(answer, wait);
            }
            int tried = attempt;
            LOG.fine(() -> rules.service() + " answered " + answer.status() + "; attempt " + tried + ", waiting "
                    + wait.toMillis() + " ms");
            pauses.paused(wait);
            pause(wait, rules.service());
        }
    }

    private JsonAnswer once(String token, String method, URI uri, String body, String contentType,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", contentType);
            request.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        requests++;
        boolean permitted = false;
        try {
            permitted = acquire();
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new JsonAnswer(rules.service(), response.statusCode(), response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IOException e) {
            throw new ProviderUnavailableException(FailureKind.UNREACHABLE,
                    rules.service() + " could not be reached: " + uri.getHost() + " ("
                    + e.getClass().getSimpleName() + ")", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException(FailureKind.OTHER,
                    "Interrupted while calling " + rules.service(), null, e);
        } finally {
            if (permitted) {
                inFlight.release();
            }
        }
    }

    /** Waits for a permit; true when one was taken and must be given back. */
    private boolean acquire() throws InterruptedException {
        if (inFlight == null) {
            return false;
        }
        if (!inFlight.tryAcquire(PERMIT_WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new ProviderUnavailableException(FailureKind.BUSY,
                    rules.service() + " already has the most requests in flight this mailbox "
                    + "allows; try again later", PERMIT_WAIT, null);
        }
        return true;
    }

    /** The server's Retry-After in seconds when it sent one; otherwise doubling back-off with jitter. */
    public static Duration waitBefore(JsonAnswer answer, int attempt, Duration firstBackOff) {
        if (answer.retryAfter() != null && answer.retryAfter().strip().matches("\\d{1,5}")) {
            return Duration.ofSeconds(Long.parseLong(answer.retryAfter().strip()));
        }
        long base = firstBackOff.toMillis() << (attempt - 1);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(Math.max(1, base / 4)));
    }

    public static void pause(Duration wait, String service) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException(FailureKind.OTHER,
                    "Interrupted while waiting to call " + service + " again", wait, e);
        }
    }
}
