package org.calsync.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real xandikos CalDAV server (Debian's package) on a free loopback port with a fresh folder, as a second server
 * beside Radicale: it answers {@code /.well-known/caldav} with a redirect and is stricter about iCalendar. It serves
 * one user, whose principal is {@code /user/}, and takes any credentials, as it does behind the reverse proxy that
 * authenticates for it. Skipped with a message where it is not installed, except on CI, where that is a failure.
 */
public final class XandikosServer implements BeforeAllCallback, AfterAllCallback {

    public static final Path XANDIKOS = Path.of("/usr/bin/xandikos");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Path folder;
    private Process process;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        boolean installed = Files.isExecutable(XANDIKOS);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs Debian's xandikos package (apt-get install xandikos)");
        }
        Assumptions.assumeTrue(installed, "Skipped: install Debian's xandikos package to run these CalDAV tests");
        folder = Files.createTempDirectory("calsync-xandikos");
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        process = new ProcessBuilder(XANDIKOS.toString(), "-d", folder.resolve("data").toString(), "--defaults",
                "-l", "127.0.0.1", "-p", String.valueOf(port), "--current-user-principal", "/user/")
                .redirectErrorStream(true).redirectOutput(folder.resolve("xandikos.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!listening()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("xandikos did not start: " + Files.readString(folder.resolve("xandikos.log")));
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.destroy();
            process.waitFor();
        }
        if (folder != null) {
            Path logs = Files.createDirectories(Path.of("target", "xandikos-logs"));
            Files.copy(folder.resolve("xandikos.log"), logs.resolve(context.getRequiredTestClass().getSimpleName() + ".log"),
                    StandardCopyOption.REPLACE_EXISTING);
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The server's root, as a person would type it: discovery starts at its well-known address. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Creates a calendar in the user's calendar home, as their own client would, and returns its URL. */
    public URI createCalendar(String name) {
        URI calendar = base().resolve("/user/calendars/" + name + "/");
        HttpResponse<String> response = send("MKCALENDAR", calendar, null, Map.of());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("MKCALENDAR failed: " + response.statusCode() + " " + response.body());
        }
        return calendar;
    }

    /** A plain HTTP request: another client at work. */
    public HttpResponse<String> send(String method, URI uri, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> putEvent(URI resource, String ics) {
        return send("PUT", resource, ics, Map.of("Content-Type", "text/calendar; charset=utf-8"));
    }

    /** How many event resources the collection holds, counted with a plain PROPFIND. */
    public int countEvents(URI calendar) {
        String body = send("PROPFIND", calendar, "<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><prop><getetag/></prop></propfind>",
                Map.of("Depth", "1", "Content-Type", "application/xml; charset=utf-8")).body();
        return body.split("\\.ics</").length - 1;
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
