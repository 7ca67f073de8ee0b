package org.calsync.infrastructure.provider.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.calsync.domain.model.calendar.ProviderConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discovery follows redirects itself, hop by hop, each hop with its own retry on a dead connection, against a
 * server that closes the connection after its redirect without saying so, as Radicale does after
 * /.well-known/caldav. (The JDK client's own redirect following once failed every attempt against Radicale with
 * "header parser received no bytes"; that race is not reproduced here, the hop-by-hop following is.)
 */
class DavRedirectTest {

    private ServerSocket server;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serve() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket connection = server.accept()) {
                    String path = readRequest(connection.getInputStream());
                    seen.add(path);
                    OutputStream out = connection.getOutputStream();
                    if (path.equals("/.well-known/caldav")) {
                        // HTTP/1.1 and no "Connection: close", yet the connection is closed right after.
                        out.write("HTTP/1.1 301 Moved Permanently\r\nLocation: /dav/\r\nContent-Length: 0\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                    } else {
                        byte[] body = "<multistatus xmlns=\"DAV:\"/>".getBytes(StandardCharsets.UTF_8);
                        out.write(("HTTP/1.1 207 Multi-Status\r\nContent-Type: application/xml\r\nContent-Length: "
                                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body);
                    }
                    out.flush();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        accepting.setDaemon(true);
        accepting.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void discoveryFollowsARedirectOnAConnectionOfItsOwn() {
        URI base = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
        DavTransport transport = new DavTransport(new DavConnections(),
                new ProviderConnection(base, "lucie", "secret", ZoneId.of("Europe/Paris")));
        for (int round = 0; round < 20; round++) {
            DavResponse answer = transport.send("PROPFIND", base.resolve("/.well-known/caldav"), Map.of("Depth", "0"),
                    "<propfind xmlns=\"DAV:\"><prop><current-user-principal/></prop></propfind>");
            assertEquals(207, answer.status(), "round " + round);
            assertEquals(base.resolve("/dav/"), answer.uri(), "the answer says where it came from");
        }
        assertEquals(40, seen.size(), "each round: the redirect, then the place it points to: " + seen);
    }

    /** The request line's path; reads the headers and the body so that the socket closes cleanly. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("closed");
            }
            head.write(next);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        int length = headers.lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
                .map(line -> Integer.parseInt(line.substring(15).strip())).findFirst().orElse(0);
        in.readNBytes(length);
        return headers.substring(headers.indexOf(' ') + 1, headers.indexOf(' ', headers.indexOf(' ') + 1));
    }
}
