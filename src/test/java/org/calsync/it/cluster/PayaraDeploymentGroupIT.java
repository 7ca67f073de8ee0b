package org.calsync.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.calsync.it.support.Browserless;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.PayaraServerDomain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's recipe for a Payara Server 6 deployment group, run as written on PostgreSQL: a domain named
 * domain1 (as in the README) is started with CalSync's environment, the README's commands create the group, two
 * instances and the deployment, and both instances must come up, join CalSync's cluster and carry a signed-in web
 * session across the loss of one.
 */
class PayaraDeploymentGroupIT {

    private static final ClusterDatabase DATABASE = new ClusterDatabase("calsync_payara_group");
    private static final Pattern HTTP_PORT = Pattern.compile("HTTP_LISTENER_PORT=(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static PayaraServerDomain domain;
    private static final List<URI> instances = new ArrayList<>();

    @BeforeAll
    static void createTheGroupWithTheReadmesCommands() throws Exception {
        assumeTrue(CalSyncDeployment.onPostgres(), "a deployment group needs the PostgreSQL run");
        DATABASE.empty();
        domain = PayaraServerDomain.create("domain1");
        domain.start(Map.of("CALSYNC_DB_URL", System.getProperty("calsync.test.pg.url"),
                "CALSYNC_DB_SCHEMA", DATABASE.schema(),
                "CALSYNC_DB_USER", System.getProperty("calsync.test.pg.user", "postgres"),
                "CALSYNC_DB_PASSWORD", System.getProperty("calsync.test.pg.password", "calsync"),
                "CALSYNC_CRYPTO_KEY", "Y2Fsc3luYy1ncm91cC10ZXN0LWtleS0zMi1ieXRlcyE=",
                "CALSYNC_DEMO_DATA", "true"));
        for (String command : PayaraServerDomain.readmeCommands("#### A deployment group", true)) {
            String written = domain.runReadmeCommand(command);
            Matcher port = HTTP_PORT.matcher(written);
            if (command.contains("create-instance") && port.find()) {
                instances.add(URI.create("http://127.0.0.1:" + port.group(1) + "/"));
            }
        }
    }

    @AfterAll
    static void stopTheDomainAndItsInstances() throws Exception {
        if (domain != null) {
            try {
                domain.asadmin("stop-deployment-group", "--kill=true", "calsync");
            } catch (AssertionError notCreated) {
                // the README's commands stopped before the group existed; the domain is stopped all the same
            } finally {
                domain.close();
            }
        }
    }

    @Test
    void bothInstancesComeUpAndASignedInAdminCarriesOnWhenHerInstanceIsKilled() throws Exception {
        assertEquals(2, instances.size(), "the README creates two instances and each says its HTTP port");
        for (URI instance : instances) {
            awaitReady(instance, Duration.ofMinutes(4));
        }
        assertEquals(2, DATABASE.count("SELECT COUNT(*) FROM cluster_member WHERE name LIKE 'calsync-%'"),
                "both instances joined CalSync's cluster under their Payara names");

        Browserless onFirst = new Browserless(instances.get(0).toURL());
        assertEquals(302, onFirst.signIn("admin@northwind.example", "calsync-demo").status());
        assertEquals(200, onFirst.get("admin/sessions.xhtml").status());

        domain.asadmin("stop-instance", "--kill=true", "calsync-1");
        Browserless.Page onSecond = onFirst.movedTo(instances.get(1)).get("admin/sessions.xhtml");
        assertEquals(200, onSecond.status(), () -> "the second instance asks her to sign in: " + onSecond.location());
        assertTrue(onSecond.contains("Northwind Training"), "the console of her tenant");
    }

    private static void awaitReady(URI instance, Duration atMost) throws InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(instance.resolve("health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
                last = ready.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(instance + " is not ready after " + atMost + ": " + last);
    }
}
