package org.calsync.it.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.logging.Logger;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Readies one integration-test JVM before its first test. The build runs the integration tests in several JVMs at
 * once (failsafe's forkCount), each with a Payara Micro, a database and simulators of its own, so each JVM picks
 * its own ports here, puts them into the server's options, and on PostgreSQL empties its own schema. Does nothing
 * in the unit-test run, which has no server.
 */
public final class IntegrationFork implements LauncherSessionListener {

    private static final Logger LOG = Logger.getLogger(IntegrationFork.class.getName());
    /** The servers each JVM runs on a port of its own: CalSync, then the simulators, mail and OAuth servers. */
    private static final List<String> SERVERS = List.of("http", "ews", "smtp", "oauth", "google", "graph");
    /**
     * Each JVM picks from a thousand ports of its own (calsync.it.firstPort), so that two never pick the same one,
     * below Linux's ephemeral range (32768-60999): a port chosen there may become the local end of an outgoing
     * connection before its server binds it.
     */
    private static final int PORTS_PER_JVM = 1_000;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String options = System.getProperty("calsync.it.serverOptions");
        if (options == null) {
            return; // the unit tests
        }
        Random random = new Random();
        int first = Integer.getInteger("calsync.it.firstPort", 21_000);
        Set<Integer> chosen = new HashSet<>();
        for (String server : SERVERS) {
            String property = "calsync.it." + server + ".port";
            String port = String.valueOf(freePort(first, random, chosen));
            System.setProperty(property, port);
            options = options.replace("${" + property + "}", port);
        }
        System.setProperty("calsync.it.serverOptions", options);
        String schema = System.getProperty("calsync.test.pg.schema");
        if ("postgresql".equals(System.getProperty("arquillian.launch")) && schema != null) {
            try {
                ResetPostgresSchema.reset(System.getProperty("calsync.test.pg.url"), schema,
                        System.getProperty("calsync.test.pg.user"), System.getProperty("calsync.test.pg.password"));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not empty the test schema " + schema, e);
            }
        }
        LOG.info(() -> "Integration JVM from port " + first + ": CalSync on port " + System.getProperty("calsync.it.http.port")
                + (schema == null ? "" : ", PostgreSQL schema " + schema));
    }

    private static int freePort(int first, Random random, Set<Integer> chosen) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = first + random.nextInt(PORTS_PER_JVM);
            if (chosen.contains(candidate)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(candidate)) {
                chosen.add(candidate);
                return candidate;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("No free port between " + first + " and " + (first + PORTS_PER_JVM));
    }
}
