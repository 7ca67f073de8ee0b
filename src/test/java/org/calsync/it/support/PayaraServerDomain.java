package org.calsync.it.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A new domain of the Payara Server 6 that the build unpacked (the release of Payara Micro in pom.xml), in the
 * server's own domains folder (where the README's commands look for it), on ports no one else uses; and the README's
 * commands, run against it as IT would run them. Closing it stops the domain.
 */
public final class PayaraServerDomain implements AutoCloseable {

    private static final Duration COMMAND_TIME = Duration.ofMinutes(5);

    private final Path home = Path.of(System.getProperty("payara.serverHome", "target/payara/server/payara6"))
            .toAbsolutePath();
    private final String name;
    private final int portBase;
    private boolean started;

    private PayaraServerDomain(String name, int portBase) {
        this.name = name;
        this.portBase = portBase;
    }

    /**
     * Creates the domain afresh (admin without a password), in place of one of that name: the distribution's own
     * domain1, or one an earlier run left with its instances.
     */
    public static PayaraServerDomain create(String name) throws Exception {
        PayaraServerDomain domain = new PayaraServerDomain(name, freePortBase());
        assertTrue(Files.isExecutable(domain.asadminPath()), "Payara Server is unpacked at " + domain.home);
        deleteRecursively(domain.home.resolve("glassfish").resolve("domains").resolve(name));
        deleteRecursively(domain.home.resolve("glassfish").resolve("nodes").resolve("localhost-" + name));
        domain.asadmin("create-domain", "--nopassword", "--portbase", String.valueOf(domain.portBase), name);
        domain.addTestJvmOptions();
        return domain;
    }

    /**
     * Gives the domain's server and every instance made from the default configuration the build's options for
     * test JVMs. Written into domain.xml while the domain is stopped: the asadmin command for it needs it running.
     */
    private void addTestJvmOptions() throws IOException {
        Path config = home.resolve("glassfish").resolve("domains").resolve(name).resolve("config").resolve("domain.xml");
        StringBuilder added = new StringBuilder();
        for (String option : TestJvms.options()) {
            added.append("\n        <jvm-options>").append(option).append("</jvm-options>");
        }
        String xml = Files.readString(config);
        Files.writeString(config, xml.replace("<jvm-options>-Xmx512m</jvm-options>",
                "<jvm-options>-Xmx512m</jvm-options>" + added));
    }

    /** Starts the domain with this environment, which the server process (and the instances it starts) read. */
    public void start(Map<String, String> environment) throws Exception {
        run(List.of(asadminPath().toString(), "start-domain", name), environment);
        started = true;
    }

    /** The domain administration server's own HTTP listener. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + (portBase + 80) + "/");
    }

    /** Runs one README command line, with {@code asadmin} being this Payara Server's; returns what it wrote. */
    public String runReadmeCommand(String line) throws Exception {
        return run(List.of("bash", "-c", line.replaceFirst("^asadmin ", asadminPath() + " ")), Map.of());
    }

    public String asadmin(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(asadminPath().toString()));
        command.addAll(List.of(arguments));
        return run(command, Map.of());
    }

    @Override
    public void close() throws Exception {
        if (started) {
            started = false;
            asadmin("stop-domain", "--kill=true", name);
        }
    }

    /**
     * The commands of the first bash block after a README heading, without blank lines and end-of-line comments,
     * leaving out those marked "only for PostgreSQL" unless asked for them.
     */
    public static List<String> readmeCommands(String heading, boolean withPostgresLines) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf(heading);
        assertTrue(section >= 0, "the README has the section " + heading);
        int start = readme.indexOf("```bash\n", section) + "```bash\n".length();
        int end = readme.indexOf("```", start);
        List<String> commands = new ArrayList<>();
        for (String line : readme.substring(start, end).split("\n")) {
            if (line.isBlank() || (!withPostgresLines && line.contains("only for PostgreSQL"))) {
                continue;
            }
            commands.add(line.replaceFirst("\\s+#.*$", "").strip());
        }
        assertFalse(commands.isEmpty(), "the section " + heading + " has commands");
        return commands;
    }

    private Path asadminPath() {
        return home.resolve("bin").resolve("asadmin");
    }

    /** Runs a command against this domain (asadmin reads the admin port from AS_ADMIN_PORT); fails if it fails. */
    private String run(List<String> command, Map<String, String> environment) throws Exception {
        Path output = Files.createTempFile("asadmin", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("AS_ADMIN_PORT", String.valueOf(portBase + 48));
        builder.environment().put("AS_EXTRA_JAVA_OPTS", TestJvms.line());
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean ended = process.waitFor(COMMAND_TIME.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String written = Files.readString(output);
        Files.delete(output);
        assertTrue(ended && process.exitValue() == 0, () -> String.join(" ", command) + " failed:\n" + written
                + serverLogTail());
        return written;
    }

    private String serverLogTail() {
        Path log = home.resolve("glassfish").resolve("domains").resolve(name).resolve("logs").resolve("server.log");
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
