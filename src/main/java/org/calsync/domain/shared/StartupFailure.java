package org.calsync.domain.shared;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A start-up step failed, so the application cannot serve. Where the process is CalSync's alone (the jar the run
 * command builds, which sets {@code calsync.exit-on-startup-failure}), the process ends with status 3, so that
 * systemd, Docker or Kubernetes restart it or report it, instead of a server that answers 503 for ever. In a
 * Payara Server domain, which other applications may share, only the deployment fails.
 */
public final class StartupFailure {

    /** The process's exit status when CalSync could not start. */
    public static final int EXIT_STATUS = 3;
    private static final Logger LOG = Logger.getLogger(StartupFailure.class.getName());

    private StartupFailure() {
    }

    /**
     * Runs one start-up step. If it fails, the process ends when configured to; otherwise the failure is thrown on,
     * failing the deployment.
     */
    public static void guard(String step, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException cause) {
            if (Boolean.getBoolean("calsync.exit-on-startup-failure")) {
                LOG.log(Level.SEVERE, "CalSync could not start (" + step + "): " + cause.getMessage()
                        + " The process ends with status " + EXIT_STATUS + ".", cause);
                // halt, not exit: Payara's shutdown hook would wait for the deployment this thread is still inside.
                Runtime.getRuntime().halt(EXIT_STATUS);
            }
            throw cause;
        }
    }
}
