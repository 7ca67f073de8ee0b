package org.calsync.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;


/**
 * A webhook address for adapter tests: it answers Graph's validation handshake (or, when told to, answers it
 * wrongly) and keeps every call it receives.
 */
public final class NotificationReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile boolean echoTokens = true;

    /** One call: its headers (lower-case names), query and body. */
    public record Call(Map<String, String> headers, Map<String, String> query, String body) {
    }

    public NotificationReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/hook", this::handle);
        server.start();
    }

    public URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** From now on the handshake gets a wrong answer, as an address that is not CalSync's would give. */
    public void answerHandshakesWrongly() {
        echoTokens = false;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Waits up to five seconds for a call that matches. */
    public Call awaitCall(Predicate<Call> matching) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(5));
        while (Instant.now().isBefore(until)) {
            for (Call call : calls) {
                if (matching.test(call)) {
                    return call;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No matching call came; calls: " + calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            Map<String, String> query = JsonRequests.query(exchange.getRequestURI());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(headers, query, body));
            String token = query.get("validationToken");
            byte[] answer = (token == null ? "" : echoTokens ? token : "not the token").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(token == null ? 202 : 200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
