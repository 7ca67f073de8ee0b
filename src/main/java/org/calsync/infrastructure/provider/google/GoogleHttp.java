package org.calsync.infrastructure.provider.google;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.ProviderUnavailableException;

/**
 * One Calendar API call with Google's error rules: 401 means the token no longer works; 429, 403 with a
 * rate-limit reason, 500 and 503 are retried with exponential back-off (honouring Retry-After when sent) and,
 * when they persist, become {@link ProviderUnavailableException}; an unreadable body is never guessed at.
 */
final class GoogleHttp {

    private static final Logger LOG = Logger.getLogger(GoogleHttp.class.getName());
    static final int ATTEMPTS = 4;
    private static final Duration LONGEST_INLINE_WAIT = Duration.ofSeconds(10);
    private static final Pattern REASON = Pattern.compile("\"reason\"\\s*:\\s*\"([A-Za-z]+)\"");

    private final HttpClient client;
    private final Duration firstBackOff;
    private int requests;

    /** One per operation, so that it counts that operation's requests; the client is shared. */
    GoogleHttp(HttpClient client, Duration firstBackOff) {
        this.client = client;
        this.firstBackOff = firstBackOff;
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A call's answer: its status, ETag and Retry-After headers, and body. */
    record Answer(int status, String etag, String retryAfter, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonObject json() {
            if (body == null || body.isBlank()) {
                return JsonObject.EMPTY_JSON_OBJECT;
            }
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            } catch (JsonException | IllegalStateException e) {
                throw new ProviderUnavailableException("Google Calendar sent an unreadable answer (HTTP " + status + ")",
                        null, e);
            }
        }
    }

    /** Requests made since this object was created, retries included. */
    int requests() {
        return requests;
    }

    Answer send(String token, String method, URI uri, String jsonBody, String ifMatch) {
        for (int attempt = 1;; attempt++) {
            Answer answer = once(token, method, uri, jsonBody, ifMatch);
            if (answer.status() == 401) {
                throw new AuthorisationLostException("Google refused the access token (HTTP 401): consent may have been "
                        + "revoked.");
            }
            if (!retryable(answer)) {
                return answer;
            }
            Duration wait = retryAfter(answer, attempt);
            // A long wait is not slept through here: the pull or push is rescheduled for then instead.
            if (attempt == ATTEMPTS || wait.compareTo(LONGEST_INLINE_WAIT) > 0) {
                throw new ProviderUnavailableException("Google Calendar is busy or failing (HTTP " + answer.status()
                        + reasonOf(answer) + "); try again later", wait, null);
            }
            int tried = attempt;
            LOG.fine(() -> "Google answered " + answer.status() + "; attempt " + tried + ", waiting " + wait.toMillis() + " ms");
            sleep(wait);
        }
    }

    private Answer once(String token, String method, URI uri, String jsonBody, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (jsonBody != null) {
            request.header("Content-Type", "application/json; charset=UTF-8");
            request.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        requests++;
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null), response.body());
        } catch (IOException e) {
            throw new ProviderUnavailableException("Google Calendar could not be reached: " + uri.getHost() + " ("
                    + e.getClass().getSimpleName() + ")", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("Interrupted while calling Google Calendar", null, e);
        }
    }

    private static boolean retryable(Answer answer) {
        return switch (answer.status()) {
            case 429, 500, 502, 503, 504 -> true;
            case 403 -> reasonOf(answer).contains("ateLimitExceeded") || reasonOf(answer).contains("quotaExceeded");
            default -> false;
        };
    }

    /** Google's reason ("rateLimitExceeded"), read without trusting the body to be JSON. */
    private static String reasonOf(Answer answer) {
        Matcher reason = REASON.matcher(answer.body() == null ? "" : answer.body());
        return reason.find() ? ", " + reason.group(1) : "";
    }

    /** The server's Retry-After in seconds when it sent one; otherwise doubling back-off with jitter. */
    private Duration retryAfter(Answer answer, int attempt) {
        if (answer.retryAfter() != null && answer.retryAfter().strip().matches("\\d{1,5}")) {
            return Duration.ofSeconds(Long.parseLong(answer.retryAfter().strip()));
        }
        long base = firstBackOff.toMillis() << (attempt - 1);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(Math.max(1, base / 4)));
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("Interrupted while waiting to call Google Calendar again", wait, e);
        }
    }
}
