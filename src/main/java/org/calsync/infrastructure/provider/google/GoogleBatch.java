package org.calsync.infrastructure.provider.google;

import static org.calsync.infrastructure.provider.google.GoogleErrors.RULES;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.infrastructure.provider.rest.BatchRetries;
import org.calsync.infrastructure.provider.rest.JsonAnswer;
import org.calsync.infrastructure.provider.rest.RetryingJsonClient;

/**
 * Google's batch endpoint: up to 50 Calendar API calls in one multipart/mixed request, each an HTTP request
 * of its own in an {@code application/http} part named by Content-ID, each answered in a part named
 * {@code response-} and that id. Calls the batch answers as throttled (429, 403 rateLimitExceeded) or failing
 * are sent again in the next batch after the wait they asked for ({@link BatchRetries}).
 */
final class GoogleBatch {

    /** The Calendar API takes at most 50 calls in one batch. */
    static final int LIMIT = 50;
    private static final String CRLF = "\r\n";
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";\\s]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/\\d(?:\\.\\d)? (\\d{3})");
    /** Google names an answer after its call: {@code <response-item-1>} for {@code <item-1>}. */
    private static final Pattern ITEM = Pattern.compile("<?(?:response-)?item-?(\\d+)>?");

    private final RetryingJsonClient http;
    private final ProviderConnection connection;
    private final Duration firstBackOff;

    GoogleBatch(RetryingJsonClient http, ProviderConnection connection, Duration firstBackOff) {
        this.http = http;
        this.connection = connection;
        this.firstBackOff = firstBackOff;
    }

    /** One call of a batch: an address under the API's base, a JSON body or none, and an If-Match or none. */
    record Call(String method, URI uri, String jsonBody, String ifMatch) {
    }

    /** Answers in the order of the calls; any number of calls, sent 50 at a time. */
    List<JsonAnswer> send(List<Call> calls) {
        List<JsonAnswer> answers = new ArrayList<>();
        for (int from = 0; from < calls.size(); from += LIMIT) {
            List<Call> chunk = calls.subList(from, Math.min(calls.size(), from + LIMIT));
            answers.addAll(BatchRetries.answers(chunk.size(), RULES, firstBackOff, http.pauses(),
                    indexes -> post(chunk, indexes)));
        }
        return answers;
    }

    /** The calls at these indexes in one batch request; answers by index. */
    private Map<Integer, JsonAnswer> post(List<Call> chunk, List<Integer> indexes) {
        String boundary = "batch_" + UUID.randomUUID().toString().replace("-", "");
        StringBuilder body = new StringBuilder();
        for (int index : indexes) {
            body.append("--").append(boundary).append(CRLF)
                    .append("Content-Type: application/http").append(CRLF)
                    .append("Content-ID: <item-").append(index + 1).append('>').append(CRLF).append(CRLF)
                    .append(requestLine(chunk.get(index))).append(CRLF);
        }
        body.append("--").append(boundary).append("--").append(CRLF);
        URI endpoint = connection.server().resolve("/batch/calendar/v3");
        JsonAnswer batch = RULES.succeeded(http.send(connection.secret(), "POST", endpoint, body.toString(),
                "multipart/mixed; boundary=" + boundary, Map.of()), "send a batch");
        return answers(batch);
    }

    /** The call as an HTTP message: request line with the path from the host on, headers, body. */
    private static String requestLine(Call call) {
        String target = call.uri().getRawPath() + (call.uri().getRawQuery() == null ? "" : "?" + call.uri().getRawQuery());
        StringBuilder message = new StringBuilder(call.method()).append(' ').append(target).append(" HTTP/1.1").append(CRLF);
        if (call.ifMatch() != null) {
            message.append("If-Match: ").append(call.ifMatch()).append(CRLF);
        }
        if (call.jsonBody() != null) {
            message.append("Content-Type: application/json; charset=UTF-8").append(CRLF).append(CRLF)
                    .append(call.jsonBody());
        } else {
            message.append(CRLF);
        }
        return message.toString();
    }

    private static Map<Integer, JsonAnswer> answers(JsonAnswer batch) {
        String type = batch.contentType() == null ? "" : batch.contentType();
        Matcher boundary = BOUNDARY.matcher(type);
        if (!type.toLowerCase().startsWith("multipart/") || !boundary.find()) {
            throw new ProviderUnavailableException(FailureKind.UNREADABLE,
                    "Google Calendar answered a batch with " + batch.contentType()
                    + " instead of multipart/mixed", null, null);
        }
        Map<Integer, JsonAnswer> answers = new HashMap<>();
        try {
            // Google's boundaries hold '=' unquoted (boundary=batch_pK7JBAk73-E=_AA5eFwv4m2Q=), which a strict
            // MIME parser refuses: quoted, the same boundary is read as sent.
            MimeMultipart parts = new MimeMultipart(new ByteArrayDataSource(batch.body().getBytes(StandardCharsets.UTF_8),
                    "multipart/mixed; boundary=\"" + boundary.group(1) + "\""));
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                String[] contentId = part.getHeader("Content-ID");
                Optional<Integer> index = contentId == null ? Optional.empty() : indexOf(contentId[0]);
                if (index.isPresent()) {
                    answers.put(index.get(), httpAnswer(read(part.getInputStream())));
                }
            }
        } catch (MessagingException | IOException e) {
            throw new ProviderUnavailableException(FailureKind.UNREADABLE,
                    "Google Calendar sent an unreadable batch answer", null, e);
        }
        return answers;
    }

    private static Optional<Integer> indexOf(String contentId) {
        Matcher item = ITEM.matcher(contentId.strip());
        return item.matches() ? Optional.of(Integer.parseInt(item.group(1)) - 1) : Optional.empty();
    }

    /** One part's HTTP response: status line, headers up to the first blank line, then the body. */
    private static JsonAnswer httpAnswer(String message) {
        String[] headAndBody = message.split("\r?\n\r?\n", 2);
        String[] head = headAndBody[0].split("\r?\n");
        Matcher status = STATUS_LINE.matcher(head[0].strip());
        if (!status.find()) {
            throw new ProviderUnavailableException(FailureKind.UNREADABLE,
                    "Google Calendar answered a call of a batch without a status line",
                    null, null);
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            if (colon > 0) {
                headers.put(head[i].substring(0, colon).strip().toLowerCase(), head[i].substring(colon + 1).strip());
            }
        }
        return new JsonAnswer(RULES.service(), Integer.parseInt(status.group(1)), headers.get("etag"),
                headers.get("retry-after"), headers.get("content-type"), headAndBody.length > 1 ? headAndBody[1] : "");
    }

    private static String read(InputStream in) throws IOException {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
