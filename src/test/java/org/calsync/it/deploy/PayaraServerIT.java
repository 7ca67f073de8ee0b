package org.calsync.it.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.calsync.it.support.Browserless;
import org.calsync.it.support.CalSyncDeployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's recipe for an existing Payara Server 6 domain, run as written: a new domain of Payara Server (the
 * same release as Payara Micro, from Maven Central) is started with CalSync's environment, then every command of
 * the README's code block runs against it (those marked "only for PostgreSQL" are left out: this is the H2 run).
 * The application must then answer ready and the demo administrator must sign in.
 */
class PayaraServerIT {

    private static final Path README = Path.of("README.md");
    private static final String SECTION = "### An existing Payara Server 6 domain";
    private static final String DOMAIN = "calsync-it";
    private static final Duration COMMAND_TIME = Duration.ofMinutes(5);

    private static Path home;
    private static Path domains;
    private static int portBase;
    private static final List<String> ran = new ArrayList<>();

    @BeforeAll
    static void deployWithTheReadmesCommands() throws Exception {
        assumeFalse(CalSyncDeployment.onPostgres(), "the README's recipe is tried once, with the embedded database");
        home = Path.of(System.getProperty("payara.serverHome", "target/payara/server/payara6")).toAbsolutePath();
        assertTrue(Files.isExecutable(asadmin()), "Payara Server is unpacked at " + home);
        domains = Files.createDirectories(Path.of("target", "payara-server-domains")).toAbsolutePath();
        portBase = freePortBase();
        Path data = Path.of("target", "payara-server-data").toAbsolutePath();
        deleteRecursively(domains.resolve(DOMAIN));
        deleteRecursively(data);

        asadmin("create-domain", "--nopassword", "--domaindir", domains.toString(), "--portbase",
                String.valueOf(portBase), DOMAIN);
        // The README: environment variables are read by the server process, so they are set before start-domain.
        run(List.of(asadmin().toString(), "start-domain", "--domaindir", domains.toString(), DOMAIN),
                Map.of("CALSYNC_DATA_DIR", data.toString(), "CALSYNC_DEMO_DATA", "true",
                        "CALSYNC_PUBLIC_URL", base().toString()));
        for (String command : readmeCommands()) {
            ran.add(command);
            run(List.of("bash", "-c", command.replaceFirst("^asadmin ", asadmin() + " ")), Map.of());
        }
    }

    @AfterAll
    static void stopTheDomain() throws Exception {
        if (domains != null) {
            asadmin("stop-domain", "--domaindir", domains.toString(), DOMAIN);
        }
    }

    @Test
    void theApplicationAnswersReadyAndTheDemoAdministratorSignsIn() throws Exception {
        assertTrue(ran.stream().anyMatch(command -> command.startsWith("asadmin deploy ")),
                "the README's commands deployed the WAR: " + ran);

        HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base().resolve("health/ready"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"UP\""), ready.body());

        Browserless admin = new Browserless(base().toURL());
        Browserless.Page signedIn = admin.signIn("admin@northwind.example", "calsync-demo");
        assertEquals(302, signedIn.status(), signedIn.html());
        Browserless.Page console = admin.get("admin/sessions.xhtml");
        assertEquals(200, console.status());
        assertTrue(console.contains("Northwind Training"), "the demo tenant's console");
        assertTrue(console.contains("Excel for Finance Teams"), "with its demo sessions");
    }

    /** The lines of the README's code block for Payara Server, without comments and PostgreSQL-only lines. */
    static List<String> readmeCommands() throws IOException {
        String readme = Files.readString(README);
        int section = readme.indexOf(SECTION);
        assertTrue(section >= 0, "the README has the section " + SECTION);
        int start = readme.indexOf("```bash\n", section) + "```bash\n".length();
        int end = readme.indexOf("```", start);
        List<String> commands = new ArrayList<>();
        for (String line : readme.substring(start, end).split("\n")) {
            if (line.isBlank() || line.contains("only for PostgreSQL")) {
                continue;
            }
            commands.add(line.replaceFirst("\\s+#.*$", "").strip());
        }
        assertFalse(commands.isEmpty(), "the section has commands");
        return commands;
    }

    private static Path asadmin() {
        return home.resolve("bin").resolve("asadmin");
    }

    private static URI base() {
        return URI.create("http://127.0.0.1:" + (portBase + 80) + "/");
    }

    private static void asadmin(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(asadmin().toString()));
        command.addAll(List.of(arguments));
        run(command, Map.of());
    }

    /** Runs a command against the test domain (asadmin reads its admin port from AS_ADMIN_PORT) and checks it worked. */
    private static void run(List<String> command, Map<String, String> environment) throws Exception {
        Path output = Files.createTempFile("asadmin", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("AS_ADMIN_PORT", String.valueOf(portBase + 48));
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean ended = process.waitFor(COMMAND_TIME.toMillis(), TimeUnit.MILLISECONDS);
        String written = Files.readString(output);
        Files.delete(output);
        if (!ended) {
            process.destroyForcibly();
        }
        assertTrue(ended && process.exitValue() == 0, () -> String.join(" ", command) + " failed:\n" + written
                + serverLogTail());
    }

    private static String serverLogTail() {
        Path log = domains.resolve(DOMAIN).resolve("logs").resolve("server.log");
        try {
            List<String> lines = Files.readAllLines(log);
            return "\nserver.log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** A base for the domain's ports (admin +48, HTTP +80, and the others in between) where none is taken. */
    private static int freePortBase() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate;
            try (ServerSocket socket = new ServerSocket(0)) {
                candidate = socket.getLocalPort() / 100 * 100;
            }
            if (candidate + 100 < 65536 && IntStream.range(0, 100).allMatch(offset -> free(candidate + offset))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No hundred free ports in a row for the Payara Server domain");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var files = Files.walk(path)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
