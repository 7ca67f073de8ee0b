package org.calsync.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.calsync.it.support.Api;
import org.calsync.it.support.TestJvms;

/**
 * Several real CalSync instances on one PostgreSQL schema: Payara Micro with the WAR that {@code package}
 * built, started as separate processes the way on-premise IT starts them, in a data grid of their own.
 * Each instance writes its log to {@code target/cluster/}. Closing the cluster kills every instance.
 */
public final class CalSyncCluster implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final List<Instance> instances = new ArrayList<>();

    /** One CalSync process. */
    public static final class Instance {
        private final int number;
        private final int port;
        private final Path log;
        private final Process process;
        private final Instant started = Instant.now();
        private Duration readyAfter;

        private Instance(int number, int port, Path log, Process process) {
            this.number = number;
            this.port = port;
            this.log = log;
            this.process = process;
        }

        public URI base() {
            return URI.create("http://127.0.0.1:" + port + "/");
        }

        /** How long the instance took from its start to answering ready; null until it did. */
        public Duration readyAfter() {
            return readyAfter;
        }

        public boolean alive() {
            return process.isAlive();
        }

        /** Waits for the process to end by itself; its exit status, or empty if it still runs after that long. */
        public Optional<Integer> exitStatus(Duration atMost) throws InterruptedException {
            return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)
                    ? Optional.of(process.exitValue()) : Optional.empty();
        }

        /** This instance's API, with the demo tenant's key. */
        public Api api() {
            try {
                return new Api(base().toURL(), "csk_demo_northwind_0000000000000001");
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Ends the process at once, as kill -9 does: no shutdown hook, no goodbye to the data grid. */
        public void kill() {
            process.destroyForcibly();
        }

        /** Payara Micro says it is ready, yet the application is not: it failed to deploy. */
        private boolean bootedWithoutApplication() {
            try {
                String written = Files.readString(log);
                return written.contains("Payara Micro") && written.contains(" ready in ")
                        && written.contains("Exception while") && !ready(this);
            } catch (IOException e) {
                return false;
            }
        }

        /** Everything it has logged so far. */
        public String log() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        /** The last lines of its log, to say why it is not up. */
        public String logTail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        @Override
        public String toString() {
            return "instance " + number + " on port " + port;
        }
    }

    /**
     * Starts {@code count} instances at the same moment on the given PostgreSQL schema, with the same
     * secrets key, each with the environment given on top of the database's.
     */
    public static CalSyncCluster start(int count, String schema, Map<String, String> environment) {
        CalSyncCluster cluster = new CalSyncCluster();
        String grid = "calsync-cluster-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            Path logs = Files.createDirectories(Path.of("target", "cluster"));
            // The data grid (which holds the web sessions) forms over TCP on loopback: multicast may not be there.
            List<Integer> gridPorts = new ArrayList<>();
            for (int number = 1; number <= count; number++) {
                gridPorts.add(freePort());
            }
            String gridMembers = gridPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
            for (int number = 1; number <= count; number++) {
                int port = freePort();
                Path log = logs.resolve(grid + "-" + number + ".log");
                List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx384m"));
                command.addAll(TestJvms.options());
                command.addAll(List.of("-Djava.util.logging.config.file=payara/logging.properties",
                        // As the jar the run command builds: a start-up that fails ends the process.
                        "-Dcalsync.exit-on-startup-failure=true",
                        "-jar", System.getProperty("payara.microJar", "target/payara/payara-micro.jar"),
                        "--port", String.valueOf(port), "--clusterName", grid, "--disablephonehome",
                        "--clustermode", "tcpip:" + gridMembers, "--interfaces", "127.0.0.1",
                        "--startport", String.valueOf(gridPorts.get(number - 1)),
                        "--postbootcommandfile", "target/it/postgresql-boot.asadmin",
                        "--addlibs", "target/payara/postgresql.jar",
                        "--deploy", System.getProperty("calsync.war", "target/ROOT.war")));
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
                builder.environment().putAll(Map.of(
                        "CALSYNC_DB_URL", System.getProperty("calsync.test.pg.url"),
                        "CALSYNC_DB_SCHEMA", schema,
                        "CALSYNC_DB_USER", System.getProperty("calsync.test.pg.user", "postgres"),
                        "CALSYNC_DB_PASSWORD", System.getProperty("calsync.test.pg.password", "calsync"),
                        // Every instance must decrypt what another wrote.
                        "CALSYNC_CRYPTO_KEY", "Y2Fsc3luYy1jbHVzdGVyLXRlc3Qta2V5LTMyYnl0ZXM=",
                        "CALSYNC_PUBLIC_URL", "http://127.0.0.1:" + port));
                builder.environment().putAll(environment);
                cluster.instances.add(new Instance(number, port, log, builder.start()));
            }
            return cluster;
        } catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException(e);
        }
    }

    public List<Instance> instances() {
        return List.copyOf(instances);
    }

    /** The instance whose turn it is to take a request, round robin, as a load balancer spreads them. */
    public Api api(int turn) {
        return instances.get(Math.floorMod(turn, instances.size())).api();
    }

    /** Posts to the instance whose turn it is, then to the next, as a load balancer does after a failure. */
    public void postToAnyInstance(int turn, String path, String json) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                api(turn + attempt).post(path, json);
                return;
            } catch (UncheckedIOException down) {
                // connection refused or reset: the instance is gone; the next one takes the request
            }
        }
    }

    /**
     * Waits until every instance answers ready, or until one has died, has booted without its application (Payara
     * Micro stays up when the WAR fails to deploy), or the time is up; returns those that are not ready.
     */
    public List<Instance> awaitReady(Duration atMost) throws InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        List<Instance> waiting = new ArrayList<>(instances);
        while (!waiting.isEmpty() && Instant.now().isBefore(deadline)) {
            waiting.removeIf(instance -> {
                if (ready(instance)) {
                    instance.readyAfter = Duration.between(instance.started, Instant.now());
                    return true;
                }
                return false;
            });
            if (waiting.stream().anyMatch(instance -> !instance.alive() || instance.bootedWithoutApplication())) {
                break;
            }
            Thread.sleep(500);
        }
        return waiting;
    }

    private static boolean ready(Instance instance) {
        try {
            return HTTP.send(HttpRequest.newBuilder(instance.base().resolve("health/ready")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        instances.forEach(Instance::kill);
        for (Instance instance : instances) {
            try {
                instance.process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
