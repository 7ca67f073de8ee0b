package org.calsync.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import jakarta.json.JsonObject;
import okhttp3.mockwebserver.RecordedRequest;
import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.OAuthServer;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.EveryLook;
import org.calsync.it.ui.pages.LoginPage;
import org.calsync.it.ui.pages.MyCalendarsPage;
import org.calsync.testsupport.Eventually;
import org.calsync.testsupport.graph.GraphSimulator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * In headless Chromium: the organisation registers its Microsoft application for work and personal accounts
 * ({@code common}); a learner picks Outlook.com in the portal, is sent to the personal sign-in (mock-oauth2-server
 * as the {@code common} issuer, with the consumer tenant's claims), and comes back connected, with her sessions in
 * her Outlook.com calendar (the Graph simulator). Neither admin consent nor the organisation-wide mode is offered
 * for such a registration.
 */
@ExtendWith(ArquillianExtension.class)
class ConnectOutlookComUiIT {

    private static final String LIAM = "liam.jones@northwind.example";
    private static final String OUTLOOK_COM = "liam.jones@outlook.example";
    private static final String CALENDAR = "AQMkADAwATM0MDAAliamCalendar=";
    /** Microsoft's tenant id for personal accounts, in every token of one. */
    private static final String CONSUMER_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
    private static final String CLIENT_ID = "3f1c9a7e-calsync-northwind";

    @RegisterExtension
    static final OAuthServer OAUTH = new OAuthServer();

    @RegisterExtension
    static final GraphSimulator GRAPH = new GraphSimulator().withMailbox(OUTLOOK_COM, CALENDAR)
            .onPort(Integer.getInteger("calsync.it.graph.port", 0));

    @ArquillianResource
    private URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    @BeforeAll
    static void needsChromium() {
        Browser.requireOrSkip();
    }

    @Test
    void aLearnerConnectsHerOutlookComCalendar() throws Exception {
        Api api = new Api(url, "csk_demo_northwind_0000000000000001");
        String liam = api.personId(LIAM);
        try {
            Api.Reply everyone = register(api, "common", true);
            assertEquals(400, everyone.status(), "no organisation-wide mode for personal accounts: " + everyone.body());
            assertTrue(everyone.body().contains("organisationWide"), everyone.body());
            Api.Reply saved = register(api, "common", false);
            assertEquals(200, saved.status(), saved.body());
            assertFalse(saved.object().containsKey("adminConsentLink") && !saved.object().isNull("adminConsentLink"),
                    "no admin consent for personal accounts: " + saved.body());

            EveryLook.inEachLanguageAndWidth(url.toString(), LIAM, "calsync-demo", (browser, language, width) -> {
                new MyCalendarsPage(browser);
                String kinds = browser.waitFor(By.id("linkForm:provider")).getText();
                assertTrue(kinds.contains("Microsoft 365") && kinds.contains("Outlook.com"), kinds);
                assertEquals(List.of(), browser.layoutProblems(By.id("linkForm:provider"), By.id("linkForm:link"),
                        By.id("linkForm:connect")), "the choices at " + width + " px in " + language);
                browser.screenshot(EveryLook.shot("portal-outlook-com-choice", language, width));
            });

            try (Browser browser = Browser.atPublicAddress()) {
                new LoginPage(browser).signInAs(LIAM, "calsync-demo");
                new MyCalendarsPage(browser).startConsent("Outlook.com");
                RecordedRequest authorize = OAUTH.takeRequestTo("/common/oauth2/v2.0/authorize");
                String query = authorize.getRequestUrl().query();
                assertTrue(query.contains("domain_hint=consumers"), "sent to the personal sign-in: " + query);
                OAUTH.signIn(browser, OUTLOOK_COM, """
                        {"tid":"%s","email":"%s","preferred_username":"%s","idp":"live.com"}"""
                        .formatted(CONSUMER_TENANT, OUTLOOK_COM, OUTLOOK_COM));
                browser.waitForText(By.id("messages"), "Connected " + OUTLOOK_COM);
                assertTrue(browser.visibleText().contains(OUTLOOK_COM + " Outlook.com"),
                        "listed as the Outlook.com account it is, not as Microsoft 365: " + browser.visibleText());
                browser.screenshot("portal-outlook-com-connected");
            }
            JsonObject account = api.get("people/" + liam + "/calendar-accounts").array().stream().map(v -> v.asJsonObject())
                    .filter(a -> OUTLOOK_COM.equals(a.getString("username"))).findFirst().orElseThrow();
            assertEquals("MICROSOFT_365", account.getString("provider"), "read and written through Graph");
            assertEquals("OUTLOOK_COM", account.getString("shownAs"), "the consumer directory's account is a personal one");
            Eventually.await("his sessions reach his Outlook.com calendar", Duration.ofSeconds(20),
                    () -> !GRAPH.calendar(OUTLOOK_COM, CALENDAR).events().isEmpty());
        } finally {
            api.delete("people/" + liam + "/calendar-accounts");
            register(api, "northwind.onmicrosoft.example", false);
        }
    }

    private static Api.Reply register(Api api, String directory, boolean organisationWide) {
        return api.put("oauth-registrations/MICROSOFT_365", """
                {"directoryId":"%s","clientId":"%s","clientSecret":"not-a-real-secret~1","organisationWide":%s}"""
                .formatted(directory, CLIENT_ID, organisationWide));
    }
}
