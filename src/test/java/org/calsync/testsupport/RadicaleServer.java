package org.calsync.testsupport;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A real Radicale CalDAV server (Debian's package) on a free loopback port with a fresh folder and
 * htpasswd users, started before the tests of a class and stopped after them. Without Radicale the tests
 * are skipped with a message, except on CI (CI=true), where that is a failure.
 *
 * <p>Also plays "another client" editing the calendar with plain CalDAV requests.
 */
public final class RadicaleServer implements BeforeAllCallback, AfterAllCallback {

    public static final Path PYTHON = Path.of("/usr/bin/python3");

    private final Map<String, String> users = new LinkedHashMap<>();
    private HttpClient http;
    private Path folder;
    private Process process;
    private int port;

    public RadicaleServer withUser(String name, String password) {
        users.put(name, password);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        boolean installed = Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c", "import radicale")
                .redirectErrorStream(true).start().waitFor() == 0;
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs Debian's radicale package (apt-get install radicale)");
        }
        Assumptions.assumeTrue(installed, "Skipped: install Debian's radicale package to run the CalDAV tests");
        start();
    }

    public void start() throws IOException, InterruptedException {
        // A fresh client per start: connections pooled before a restart are dead.
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        if (folder == null) {
            folder = Files.createTempDirectory("calsync-radicale");
            port = freePort();
        }
        writeUsers();
        Files.writeString(folder.resolve("config"), """
                [server]
                hosts = 127.0.0.1:%d
                [auth]
                type = htpasswd
                htpasswd_filename = %s
                htpasswd_encryption = plain
                [rights]
                type = owner_only
                [storage]
                filesystem_folder = %s
                [logging]
                level = info
                """.formatted(port, folder.resolve("users"), folder.resolve("collections")));
        process = new ProcessBuilder(PYTHON.toString(), "-m", "radicale", "--config", folder.resolve("config").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("radicale.log").toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!listening()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Radicale did not start: " + Files.readString(folder.resolve("radicale.log")));
            }
            Thread.sleep(50);
        }
    }

    /** Changes a password as its owner would; Radicale reads the htpasswd file on every sign-in, so no restart. */
    public void changePassword(String user, String password) throws IOException {
        users.put(user, password);
        writeUsers();
    }

    private void writeUsers() throws IOException {
        StringBuilder htpasswd = new StringBuilder();
        users.forEach((name, secret) -> htpasswd.append(name).append(':').append(secret).append('\n'));
        Files.writeString(folder.resolve("users"), htpasswd);
    }

    /** Stops the server but keeps its data, so that a test can start it again. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
        if (folder != null) {
            // Kept for the build's reports: every request the server saw, to explain a failed test.
            Path logs = Files.createDirectories(Path.of("target", "radicale-logs"));
            Files.copy(folder.resolve("radicale.log"), logs.resolve(context.getRequiredTestClass().getSimpleName() + "-"
                    + port + ".log"), StandardCopyOption.REPLACE_EXISTING);
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Radicale's filesystem storage, for benchmarks that fill calendars faster than PUTs could. */
    public Path storageFolder() {
        return folder.resolve("collections");
    }

    /** How many requests for the user's collections the server has logged receiving, whatever their answer. */
    public long requestsReceivedFor(String user) throws IOException {
        try (Stream<String> lines = Files.lines(folder.resolve("radicale.log"))) {
            return lines.filter(line -> line.contains(" request for '/" + user + "/")).count();
        }
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Creates a calendar collection /user/name/ as the user's own client would, and returns its URL. */
    public URI createCalendar(String user, String name) {
        return createCalendar(user, name, null);
    }

    /** A calendar with the name its owner gave it, as calendar clients show it (DAV:displayname). */
    public URI createCalendar(String user, String name, String displayName) {
        URI calendar = base().resolve("/" + user + "/" + name + "/");
        String body = displayName == null ? null : """
                <?xml version="1.0" encoding="utf-8"?>
                <C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
                  <D:set><D:prop><D:displayname>%s</D:displayname></D:prop></D:set>
                </C:mkcalendar>""".formatted(displayName);
        HttpResponse<String> response = send(user, "MKCALENDAR", calendar, body,
                body == null ? Map.of() : Map.of("Content-Type", "application/xml; charset=utf-8"));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("MKCALENDAR failed: " + response.statusCode() + " " + response.body());
        }
        return calendar;
    }

    /** A plain HTTP request with the user's credentials: another client at work. */
    public HttpResponse<String> send(String user, String method, URI uri, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + users.get(user)).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException staleConnection) {
                // Radicale closes idle keep-alive connections after 30 s; start over with an empty pool.
                http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> putEvent(String user, URI resource, String ics) {
        return send(user, "PUT", resource, ics, Map.of("Content-Type", "text/calendar; charset=utf-8"));
    }

    /** How many event resources the collection holds, counted with a plain PROPFIND. */
    public int countEvents(String user, URI calendar) {
        String body = send(user, "PROPFIND", calendar, "<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><prop><getetag/></prop></propfind>",
                Map.of("Depth", "1")).body();
        return body.split("\\.ics</").length - 1;
    }

    /** The URLs of the event resources in the collection, read with a plain PROPFIND. */
    public List<String> hrefs(String user, URI calendar) {
        String listing = send(user, "PROPFIND", calendar,
                "<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><prop><getetag/></prop></propfind>", Map.of("Depth", "1")).body();
        Matcher href = Pattern.compile("<[^>]*href>([^<]+\\.ics)</[^>]*href>").matcher(listing);
        List<String> hrefs = new ArrayList<>();
        while (href.find()) {
            hrefs.add(calendar.resolve(href.group(1)).toString());
        }
        return hrefs;
    }

    /** The iCalendar text of every event in the collection. */
    public List<String> events(String user, URI calendar) {
        return List.copyOf(eventsByAddress(user, calendar).values());
    }

    /**
     * Every event resource in the collection with its iCalendar text, read in one calendar-query REPORT (RFC 4791
     * 7.8) rather than a PROPFIND and a GET each: tests poll calendars while CalSync writes them, and Radicale spends
     * most of a request's time on the request itself.
     */
    public Map<URI, String> eventsByAddress(String user, URI calendar) {
        HttpResponse<String> answer = send(user, "REPORT", calendar, EVERY_EVENT,
                Map.of("Depth", "1", "Content-Type", "application/xml; charset=utf-8"));
        if (answer.statusCode() != 207) {
            throw new IllegalStateException("REPORT " + calendar + " answered " + answer.statusCode() + ": " + answer.body());
        }
        Map<URI, String> events = new LinkedHashMap<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            NodeList responses = factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(answer.body()))).getElementsByTagNameNS("DAV:", "response");
            for (int i = 0; i < responses.getLength(); i++) {
                Element response = (Element) responses.item(i);
                NodeList data = response.getElementsByTagNameNS("urn:ietf:params:xml:ns:caldav", "calendar-data");
                if (data.getLength() == 1) {
                    String href = response.getElementsByTagNameNS("DAV:", "href").item(0).getTextContent().strip();
                    // An XML parser turns CRLF into LF; iCalendar's lines end in CRLF, as a GET returns them.
                    String ics = data.item(0).getTextContent().replace("\r\n", "\n").replace("\n", "\r\n");
                    events.put(calendar.resolve(href), ics);
                }
            }
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("Radicale's answer to REPORT " + calendar + " could not be read", e);
        }
        return events;
    }

    private static final String EVERY_EVENT = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:prop><C:calendar-data/></D:prop>
              <C:filter><C:comp-filter name="VCALENDAR"/></C:filter>
            </C:calendar-query>""";

    /** The events whose text contains the given words (a title, say), unfolded. */
    public List<String> eventsContaining(String user, URI calendar, String text) {
        return events(user, calendar).stream().map(e -> e.replace("\r\n ", "")).filter(e -> e.contains(text)).toList();
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
