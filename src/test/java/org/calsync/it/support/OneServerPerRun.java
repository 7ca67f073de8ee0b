package org.calsync.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Logger;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

/**
 * Boots Payara Micro once per integration-test JVM instead of once per test class.
 * <p>
 * Payara Micro takes its application on the command line, so its Arquillian container starts a JVM on every
 * deploy and kills it on every undeploy: some forty boots per run, most of the suite's time. Every test class
 * deploys the same WAR ({@link CalSyncDeployment#war()}) on the same port and the database already outlives the
 * classes, so this container keeps the first server and hands its address to every later class. A class that
 * deploys a different archive still gets a fresh server.
 * <p>
 * The server is kept in static fields and outlives Arquillian's own run: when failsafe runs several JVMs, it runs
 * each test class as a run of its own, and Arquillian stops its containers after each. The server ends with the
 * JVM (the Payara container's shutdown hook).
 */
public class OneServerPerRun implements DeployableContainer<PayaraMicroContainerConfiguration> {

    private static final Logger LOG = Logger.getLogger(OneServerPerRun.class.getName());

    private static PayaraMicroDeployableContainer payara;
    private static Archive<?> running;
    private static ProtocolMetaData runningAt;
    /** Why the archive did not deploy: every later class fails at once with it instead of booting again. */
    private static DeploymentException failed;

    /** Registers this container in place of the Payara Micro one (META-INF/services). */
    public static class Extension implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, OneServerPerRun.class);
        }
    }

    @Override
    public Class<PayaraMicroContainerConfiguration> getConfigurationClass() {
        return PayaraMicroContainerConfiguration.class;
    }

    /** The first run's configuration holds for the JVM: every run reads the same arquillian.xml. */
    @Override
    public void setup(PayaraMicroContainerConfiguration configuration) {
        synchronized (OneServerPerRun.class) {
            if (payara == null) {
                payara = new PayaraMicroDeployableContainer();
                payara.setup(configuration);
            }
        }
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return payara.getDefaultProtocol();
    }

    @Override
    public void start() throws LifecycleException {
        payara.start();
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        synchronized (OneServerPerRun.class) {
            return deployOrReuse(archive);
        }
    }

    private static ProtocolMetaData deployOrReuse(Archive<?> archive) throws DeploymentException {
        if (running != null && running.getName().equals(archive.getName())) {
            if (failed != null) {
                throw failed;
            }
            LOG.info(() -> "Reusing the running server for " + archive.getName());
            return runningAt;
        }
        stopRunning();
        runningAt = payara.deploy(archive);
        running = archive;
        failed = deployed(runningAt) ? null
                : new DeploymentException("Payara Micro started but " + archive.getName() + " did not deploy: its "
                        + "health check does not answer UP. The reason is in the server's log above.");
        if (failed != null) {
            throw failed;
        }
        return runningAt;
    }

    /**
     * Whether the application answers: Payara Micro stays up when the application fails to deploy, and without
     * this every test would wait for a page that never comes.
     */
    private static boolean deployed(ProtocolMetaData metaData) {
        for (HTTPContext http : metaData.getContexts(HTTPContext.class)) {
            URI health = URI.create("http://" + http.getHost() + ":" + http.getPort() + "/health/ready");
            try {
                HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
                return answer.statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Kept running for the next class; it ends with the JVM. */
    @Override
    public void undeploy(Archive<?> archive) {
    }

    /** Kept running for the next run in this JVM; it ends with the JVM. */
    @Override
    public void stop() {
    }

    private static void stopRunning() throws DeploymentException {
        if (running != null) {
            Archive<?> last = running;
            running = null;
            runningAt = null;
            failed = null;
            payara.undeploy(last);
        }
    }

    @Override
    public void deploy(Descriptor descriptor) throws DeploymentException {
        payara.deploy(descriptor);
    }

    @Override
    public void undeploy(Descriptor descriptor) throws DeploymentException {
        payara.undeploy(descriptor);
    }
}
