package org.calsync.testsupport.google;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;

import org.calsync.testsupport.google.GoogleCalendarSimulator.Answer;

/**
 * Google's batch endpoint ({@code POST /batch/calendar/v3}) as the Calendar API's batch guide describes it:
 * a multipart/mixed body of at most 50 parts, each of type {@code application/http} holding one HTTP request
 * whose path is under {@code /calendar/v3/}; each is answered as if sent alone, in a part whose Content-ID is
 * {@code response-} and the request's. The batch itself counts as one request for authentication and the
 * fault queue; faults queued here answer single calls inside batches instead (a call throttled on its own).
 */
public final class GoogleBatchEndpoint {

    static final int LIMIT = 50;
    private static final Pattern REQUEST_LINE = Pattern.compile("^(GET|POST|PUT|PATCH|DELETE) (/\\S*) HTTP/1\\.1$");

    /** Routes one call as the simulator would answer it alone. */
    interface Router {
        Answer route(String method, URI uri, String ifMatch, String body);
    }

    /** One call as received inside a batch. */
    public record Call(String contentId, String method, String target) {
    }

    private final Deque<GoogleCalendarSimulator.Fault> itemFaults = new ArrayDeque<>();
    private final List<List<Call>> received = new CopyOnWriteArrayList<>();

    /** The next calls inside batches, whichever they are, get these answers. */
    public synchronized void failNextCalls(GoogleCalendarSimulator.Fault... faults) {
        itemFaults.addAll(List.of(faults));
    }

    /** Every batch received, with its calls, in order. */
    public List<List<Call>> received() {
        return List.copyOf(received);
    }

    public void clear() {
        received.clear();
    }

    synchronized Answer answer(String contentType, String body, Router router) {
        List<BodyPart> parts;
        try {
            ContentType type = new ContentType(contentType == null ? "" : contentType);
            if (!type.match("multipart/mixed") || type.getParameter("boundary") == null) {
                return error("The batch request must be multipart/mixed with a boundary.");
            }
            MimeMultipart multipart = new MimeMultipart(new ByteArrayDataSource(body.getBytes(StandardCharsets.UTF_8),
                    contentType));
            parts = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                parts.add(multipart.getBodyPart(i));
            }
        } catch (ParseException e) {
            return error("Unreadable Content-Type: " + e.getMessage());
        } catch (MessagingException e) {
            return error("Unreadable multipart body: " + e.getMessage());
        }
        if (parts.isEmpty() || parts.size() > LIMIT) {
            return error("A batch holds 1 to " + LIMIT + " calls, not " + parts.size() + ".");
        }
        // Google's boundaries hold '=' and are not quoted, as in batch_pK7JBAk73-E=_AA5eFwv4m2Q=
        byte[] random = new byte[7];
        ThreadLocalRandom.current().nextBytes(random);
        String boundary = "batch_" + Base64.getEncoder().encodeToString(random);
        StringBuilder answer = new StringBuilder();
        List<Call> calls = new ArrayList<>();
        try {
            for (BodyPart part : parts) {
                String[] ids = part.getHeader("Content-ID");
                if (!part.isMimeType("application/http") || ids == null) {
                    return error("Each part must be application/http with a Content-ID.");
                }
                String contentId = ids[0].strip().replaceAll("^<|>$", "");
                Parsed call = parse(read(part.getInputStream()));
                if (call == null) {
                    return error("Part " + contentId + " is no HTTP request to /calendar/v3/.");
                }
                calls.add(new Call(contentId, call.method(), call.target()));
                GoogleCalendarSimulator.Fault fault = itemFaults.poll();
                Answer one = fault != null ? new Answer(fault.status(), fault.body(), null, fault.retryAfter())
                        : router.route(call.method(), URI.create("http://batch.invalid" + call.target()), call.ifMatch(),
                                call.body());
                answer.append("--").append(boundary).append("\r\n").append("Content-Type: application/http\r\n")
                        .append("Content-ID: <response-").append(contentId).append(">\r\n\r\n")
                        .append(httpMessage(one)).append("\r\n");
            }
        } catch (MessagingException | IOException e) {
            return error("Unreadable part: " + e.getMessage());
        }
        received.add(List.copyOf(calls));
        answer.append("--").append(boundary).append("--\r\n");
        return new Answer(200, answer.toString(), null, null, "multipart/mixed; boundary=" + boundary);
    }

    private record Parsed(String method, String target, String ifMatch, String body) {
    }

    /** An HTTP request: request line, headers up to a blank line, then the body; null when it is none. */
    private static Parsed parse(String message) {
        String[] headAndBody = message.split("\r\n\r\n", 2);
        String[] head = headAndBody[0].split("\r\n");
        Matcher line = REQUEST_LINE.matcher(head[0]);
        if (!line.matches() || !line.group(2).startsWith("/calendar/v3/")) {
            return null;
        }
        String ifMatch = null;
        for (int i = 1; i < head.length; i++) {
            if (head[i].toLowerCase().startsWith("if-match:")) {
                ifMatch = head[i].substring("if-match:".length()).strip();
            }
        }
        String body = headAndBody.length > 1 && !headAndBody[1].isBlank() ? headAndBody[1] : null;
        return new Parsed(line.group(1), line.group(2), ifMatch, body);
    }

    private static String httpMessage(Answer answer) {
        StringBuilder message = new StringBuilder("HTTP/1.1 ").append(answer.status()).append(' ')
                .append(reason(answer.status())).append("\r\n").append("Content-Type: ").append(answer.contentType())
                .append("\r\n");
        if (answer.etag() != null) {
            message.append("ETag: ").append(answer.etag()).append("\r\n");
        }
        if (answer.retryAfter() != null) {
            message.append("Retry-After: ").append(answer.retryAfter()).append("\r\n");
        }
        return message.append("\r\n").append(answer.body() == null ? "" : answer.body()).toString();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    private static Answer error(String message) {
        return new Answer(400, "{\"error\":{\"code\":400,\"message\":\"" + message.replace("\"", "'")
                + "\",\"errors\":[{\"reason\":\"badRequest\"}]}}", null, null);
    }

    private static String read(InputStream in) throws IOException {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
