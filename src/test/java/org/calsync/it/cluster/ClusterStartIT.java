package org.calsync.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.MalformedURLException;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.calsync.domain.shared.StartupFailure;
import org.calsync.it.support.Browserless;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.SessionEditorForm;
import org.calsync.testsupport.FixtureDates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Instances started together on an empty PostgreSQL database all come up, with one tenant and one first
 * administrator: migrations, demo data and the production bootstrap are safe to race. A signed-in web session
 * (and an OAuth consent under way) outlives its instance. Runs with the PostgreSQL integration run, in a schema of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterStartIT {

    private static final ClusterDatabase DATABASE = new ClusterDatabase("calsync_cluster");
    private static final Duration BOOT = Duration.ofMinutes(4);
    private static final LocalDate DAY = FixtureDates.fromToday().workdayAhead(9);

    /** The three instances of the first test, which the next two go on with. */
    private static CalSyncCluster demoCluster;

    @AfterAll
    static void stopTheDemoCluster() {
        if (demoCluster != null) {
            demoCluster.close();
            demoCluster = null;
        }
    }

    @Test
    @Order(1)
    void threeInstancesStartedAtOnceOnAnEmptyDatabaseWithDemoDataAllComeUp() throws Exception {
        assumeTrue(CalSyncDeployment.onPostgres(), "the cluster needs the PostgreSQL run");
        DATABASE.empty();
        demoCluster = CalSyncCluster.start(3, DATABASE.schema(), Map.of("CALSYNC_DEMO_DATA", "true"));
        allReady(demoCluster);
        assertEquals(1, DATABASE.count("SELECT COUNT(*) FROM tenant WHERE name = ?", "Northwind Training"));
        assertEquals(1, DATABASE.count("SELECT COUNT(*) FROM person WHERE email = ?", "admin@northwind.example"));
        assertEquals(3, DATABASE.count("SELECT COUNT(*) FROM cluster_member"), "each instance joined the cluster");
        for (CalSyncCluster.Instance instance : demoCluster.instances()) {
            assertEquals(200, instance.api().get("people").status(), instance + " answers the API");
        }
    }

    /**
     * The load balancer has no sticky sessions, and the admin's instance is killed between two requests: the next
     * instance knows who she is, and the form she had half filled in (its view state is server-side) still saves.
     */
    @Test
    @Order(2)
    void aSignedInAdminCarriesOnWithHerFormWhenHerInstanceIsKilled() {
        assumeTrue(demoCluster != null, "the three instances of the first test");
        CalSyncCluster.Instance first = demoCluster.instances().get(0);
        CalSyncCluster.Instance second = demoCluster.instances().get(1);
        Browserless onFirst = new Browserless(url(first));
        assertEquals(302, onFirst.signIn("admin@northwind.example", "calsync-demo").status(), "signed in on " + first);

        String title = "Failover workshop " + UUID.randomUUID().toString().substring(0, 8);
        Browserless.Page empty = onFirst.get("admin/session.xhtml");
        Map<String, String> halfDone = SessionEditorForm.filled(title, DAY.atTime(10, 0), DAY.atTime(9, 0));
        halfDone.put("jakarta.faces.ViewState", empty.viewState());
        Browserless.Page rejected = onFirst.post("admin/session.xhtml", halfDone);
        assertTrue(rejected.contains("End must be after start."), "the form in progress, with its mistake, on " + first);

        first.kill();
        Browserless onSecond = onFirst.movedTo(second.base());
        Browserless.Page sessions = onSecond.get("admin/sessions.xhtml");
        assertEquals(200, sessions.status(), () -> second + " asks her to sign in again: " + sessions.location());
        assertTrue(sessions.contains("Northwind Training"), "the console of her tenant");

        Map<String, String> corrected = SessionEditorForm.filled(title, DAY.atTime(9, 0), DAY.atTime(10, 30));
        corrected.put("jakarta.faces.ViewState", rejected.viewState());
        Browserless.Page saved = onSecond.post("admin/session.xhtml", corrected);
        assertEquals(302, saved.status(), () -> "the form posted to " + second + ":\n" + saved.html());
        assertTrue(saved.location().contains("/admin/session.xhtml?id="), saved.location());
        assertTrue(second.api().get("sessions?from=" + DAY.minusDays(1) + "&to=" + DAY.plusDays(1)).body().contains(title),
                "the session exists");
    }

    /**
     * Lucie starts connecting Google on one instance (the provider is chosen with an Ajax request, then Connect
     * sends her to Google); Google sends her back to another. That instance knows the consent she started and takes
     * her "no" as hers; the same answer, brought back to the first instance, is then refused as unknown.
     */
    @Test
    @Order(3)
    void anOAuthConsentStartedOnOneInstanceIsAnsweredOnAnother() throws Exception {
        assumeTrue(demoCluster != null, "the instances of the first test");
        CalSyncCluster.Instance second = demoCluster.instances().get(1);
        CalSyncCluster.Instance third = demoCluster.instances().get(2);
        assertEquals(200, second.api().put("oauth-registrations/GOOGLE", """
                {"clientId":"calsync-cluster.apps.googleusercontent.example","clientSecret":"not-a-real-one"}""").status());

        Browserless onSecond = new Browserless(url(second));
        assertEquals(302, onSecond.signIn("lucie.martin@northwind.example", "calsync-demo").status());
        Browserless.Page calendars = onSecond.get("portal/calendars.xhtml");
        Map<String, String> chooseGoogle = new LinkedHashMap<>(Map.of("linkForm", "linkForm", "linkForm:provider", "GOOGLE",
                "jakarta.faces.ViewState", calendars.viewState()));
        Map<String, String> ajax = new LinkedHashMap<>(chooseGoogle);
        ajax.putAll(Map.of("jakarta.faces.partial.ajax", "true", "jakarta.faces.source", "linkForm:provider",
                "jakarta.faces.partial.execute", "linkForm:provider", "jakarta.faces.partial.render", "linkForm",
                "jakarta.faces.behavior.event", "change"));
        assertTrue(onSecond.post("portal/calendars.xhtml", ajax).contains("linkForm:connect"), "Google's Connect button");
        chooseGoogle.put("linkForm:connect", "");
        Browserless.Page toGoogle = onSecond.post("portal/calendars.xhtml", chooseGoogle);
        assertEquals(302, toGoogle.status(), toGoogle.html());
        Matcher state = Pattern.compile("[?&]state=([^&]+)").matcher(toGoogle.location());
        assertTrue(state.find(), "the way to Google carries a state: " + toGoogle.location());

        Browserless onThird = onSecond.movedTo(third.base());
        Browserless.Page answered = onThird.get("oauth/callback?state=" + state.group(1) + "&error=access_denied");
        assertTrue(answered.location().contains("consent=declined&provider=GOOGLE"),
                () -> third + " did not know the consent started on " + second + ": " + answered.location());
        Browserless.Page again = onSecond.get("oauth/callback?state=" + state.group(1) + "&error=access_denied");
        assertTrue(again.location().contains("consent=unknown"), "an answer is taken once, cluster-wide: " + again.location());
    }

    @Test
    @Order(4)
    void twoInstancesStartedAtOnceOnAnEmptyDatabaseCreateOneFirstAdministratorAndAnotherKeyIsRefused() throws Exception {
        assumeTrue(CalSyncDeployment.onPostgres(), "the cluster needs the PostgreSQL run");
        stopTheDemoCluster();
        DATABASE.empty();
        try (CalSyncCluster cluster = CalSyncCluster.start(2, DATABASE.schema(), Map.of("CALSYNC_DEMO_DATA", "false",
                "CALSYNC_BOOTSTRAP_TENANT_NAME", "Cluster Training",
                "CALSYNC_BOOTSTRAP_ADMIN_EMAIL", "it@cluster.example",
                "CALSYNC_BOOTSTRAP_ADMIN_PASSWORD", "cluster-first-admin"))) {
            allReady(cluster);
            assertEquals(1, DATABASE.count("SELECT COUNT(*) FROM tenant WHERE name = ?", "Cluster Training"));
            assertEquals(1, DATABASE.count("SELECT COUNT(*) FROM person WHERE email = ?", "it@cluster.example"));
            assertEquals(1, DATABASE.count("SELECT COUNT(*) FROM tenant"), "and no other tenant");

            // A third instance, started with another secrets key than the one the others wrote with, refuses to start.
            try (CalSyncCluster stranger = CalSyncCluster.start(1, DATABASE.schema(), Map.of("CALSYNC_DEMO_DATA", "false",
                    "CALSYNC_CRYPTO_KEY", "b3RoZXIta2V5LW9mLWEtc3RyYW5nZXItMzItYnl0ZXM="))) {
                CalSyncCluster.Instance instance = stranger.instances().get(0);
                assertEquals(Optional.of(StartupFailure.EXIT_STATUS), instance.exitStatus(BOOT),
                        () -> "it ends with status 3:\n" + instance.logTail());
                assertTrue(instance.log().contains("not the one this database's passwords and tokens were encrypted with"),
                        instance::logTail);
            }
        }
    }

    private static URL url(CalSyncCluster.Instance instance) {
        try {
            return instance.base().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void allReady(CalSyncCluster cluster) throws InterruptedException {
        List<CalSyncCluster.Instance> notReady = cluster.awaitReady(BOOT);
        assertTrue(notReady.isEmpty(), () -> notReady.stream().map(instance -> instance + " is not ready:\n"
                + instance.logTail()).collect(Collectors.joining("\n\n")));
        System.out.println("Started at once on an empty database, ready after: " + cluster.instances().stream()
                .map(instance -> instance + " " + instance.readyAfter().toMillis() + " ms").toList());
    }
}
