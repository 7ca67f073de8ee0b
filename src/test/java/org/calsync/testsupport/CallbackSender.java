package org.calsync.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How the simulated providers call their subscribers: one call at a time, in order, after the change that
 * caused it (never under the simulator's lock), each recorded with the status it got.
 */
public final class CallbackSender {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "simulated-callbacks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    /** One call: what it was for (a subscription or channel id), what kind it was, and the answer's status. */
    public record Delivery(String watch, String kind, int status) {
    }

    /**
     * Whether a provider would call this address: both call only HTTPS; loopback passes here, as tests have no
     * certificate.
     */
    public static boolean callable(URI address) {
        return "https".equals(address.getScheme()) || "127.0.0.1".equals(address.getHost())
                || "localhost".equals(address.getHost());
    }

    /** Calls now and waits for the answer, at most {@code timeout}; as Graph's validation handshake does. */
    public HttpResponse<String> callNow(URI address, Map<String, String> headers, String body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(address).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Calls soon, after whatever is queued. */
    public void callSoon(String watch, String kind, URI address, Map<String, String> headers, String body) {
        executor.execute(() -> {
            int status;
            try {
                status = callNow(address, headers, body, Duration.ofSeconds(10)).statusCode();
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            deliveries.add(new Delivery(watch, kind, status));
        });
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public void stop() {
        executor.shutdownNow();
    }
}
