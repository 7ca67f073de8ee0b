package org.calsync.it.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.calsync.it.support.Browserless;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.PayaraServerDomain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's recipe for an existing Payara Server 6 domain, run as written: a new domain is started with
 * CalSync's environment, then every command of the README's code block runs against it (those marked "only for
 * PostgreSQL" are left out: this is the H2 run). The application must then answer ready and the demo
 * administrator must sign in.
 */
class PayaraServerIT {

    private static PayaraServerDomain domain;
    private static final List<String> ran = new ArrayList<>();

    @BeforeAll
    static void deployWithTheReadmesCommands() throws Exception {
        assumeFalse(CalSyncDeployment.onPostgres(), "the README's single-server recipe is tried with the embedded database");
        domain = PayaraServerDomain.create("calsync-it");
        domain.start(Map.of("CALSYNC_DATA_DIR", Path.of("target", "payara-server-data").toAbsolutePath().toString(),
                "CALSYNC_DEMO_DATA", "true", "CALSYNC_PUBLIC_URL", domain.base().toString()));
        for (String command : PayaraServerDomain.readmeCommands("### An existing Payara Server 6 domain", false)) {
            ran.add(command);
            domain.runReadmeCommand(command);
        }
    }

    @AfterAll
    static void stopTheDomain() throws Exception {
        if (domain != null) {
            domain.close();
        }
    }

    @Test
    void theApplicationAnswersReadyAndTheDemoAdministratorSignsIn() throws Exception {
        assertTrue(ran.stream().anyMatch(command -> command.startsWith("asadmin deploy ")),
                "the README's commands deployed the WAR: " + ran);

        HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(domain.base().resolve("health/ready"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"UP\""), ready.body());

        Browserless admin = new Browserless(domain.base().toURL());
        Browserless.Page signedIn = admin.signIn("admin@northwind.example", "calsync-demo");
        assertEquals(302, signedIn.status(), signedIn.html());
        Browserless.Page console = admin.get("admin/sessions.xhtml");
        assertEquals(200, console.status());
        assertTrue(console.contains("Northwind Training"), "the demo tenant's console");
        assertTrue(console.contains("Excel for Finance Teams"), "with its demo sessions");
    }
}
