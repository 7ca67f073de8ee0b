package org.calsync.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.OAuthServer;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.LoginPage;
import org.calsync.it.ui.pages.MyCalendarsPage;
import org.calsync.testsupport.google.GoogleCalendarSimulator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The shared sync scenarios against Google Calendar, through the Calendar API simulator. Google has no
 * organisation-wide mode, so the person connects once in the portal through the authorization server's page.
 */
@ExtendWith(ArquillianExtension.class)
class GoogleSyncIT extends CloudCalendarScenarios {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String EMAIL = "gita.google-" + SUFFIX + "@northwind.example";
    private static final String GOOGLE_ACCOUNT = "gita.google-" + SUFFIX + "@gmail.example";
    private static final String PASSWORD = "scenario-password-2027";

    @RegisterExtension
    static final OAuthServer OAUTH = new OAuthServer();

    @RegisterExtension
    static final GoogleCalendarSimulator GOOGLE = new GoogleCalendarSimulator()
            .withCalendar(GOOGLE_ACCOUNT, GOOGLE_ACCOUNT, "owner")
            .onPort(Integer.getInteger("calsync.it.google.port", 0)); // where Payara was told the API answers

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    @BeforeAll
    static void needsABrowser() {
        Browser.requireOrSkip();
    }

    @Override
    protected String createAndLinkPerson() {
        Api.Reply registered = api().put("oauth-registrations/GOOGLE", """
                {"clientId":"calsync-northwind.apps.googleusercontent.example","clientSecret":"GOCSPX-not-a-real-one"}""");
        assertEquals(200, registered.status(), registered.body());
        Api.Reply created = api().post("people", """
                {"email":"%s","displayName":"Gita Google","timeZone":"Europe/London","roles":["Instructor"],
                 "password":"%s"}""".formatted(EMAIL, PASSWORD));
        assertEquals(201, created.status(), created.body());
        try (Browser browser = Browser.atPublicAddress()) {
            new LoginPage(browser).signInAs(EMAIL, PASSWORD);
            new MyCalendarsPage(browser).startConsent("Google Calendar");
            OAUTH.signIn(browser, GOOGLE_ACCOUNT);
            browser.waitForText(By.id("messages"), "Connected " + GOOGLE_ACCOUNT);
        }
        return created.object().getString("id");
    }

    @Override
    protected CalendarProviderType provider() {
        return CalendarProviderType.GOOGLE;
    }

    @Override
    protected String londonAsWritten() {
        return "Europe/London";
    }

    @Override
    protected OwnCalendar calendar() {
        return new OwnCalendar() {
            @Override
            public List<SeenEvent> events() {
                return GOOGLE.calendar(GOOGLE_ACCOUNT).events().stream().map(e -> new SeenEvent(e.getString("id"),
                        e.getString("summary", ""), instant(e.getJsonObject("start")), instant(e.getJsonObject("end")),
                        e.getJsonObject("start").getString("timeZone", ""))).toList();
            }

            @Override
            public String add(String title, Instant start, Instant end, Shown shown) {
                return GOOGLE.putByOwner(GOOGLE_ACCOUNT, Json.createObjectBuilder().add("summary", title)
                        .add("start", Json.createObjectBuilder().add("dateTime", start.toString()))
                        .add("end", Json.createObjectBuilder().add("dateTime", end.toString()))
                        .add("transparency", shown == Shown.FREE ? "transparent" : "opaque")
                        .add("visibility", shown == Shown.PRIVATE ? "private" : "default").build()).getString("id");
            }

            @Override
            public String addAllDay(String title, LocalDate day) {
                return GOOGLE.putByOwner(GOOGLE_ACCOUNT, Json.createObjectBuilder().add("summary", title)
                        .add("start", Json.createObjectBuilder().add("date", day.toString()))
                        .add("end", Json.createObjectBuilder().add("date", day.plusDays(1).toString())).build())
                        .getString("id");
            }

            @Override
            public List<String> addWeeklySeries(String title, Instant firstStart, Duration length, int weeks) {
                return GOOGLE.addWeeklySeriesByOwner(GOOGLE_ACCOUNT, title, firstStart, length, weeks);
            }

            @Override
            public void move(String eventId, Instant start, Instant end) {
                GOOGLE.moveByOwner(GOOGLE_ACCOUNT, eventId, start, end);
            }

            @Override
            public void delete(String eventId) {
                GOOGLE.deleteByOwner(GOOGLE_ACCOUNT, eventId);
            }

            @Override
            public void failNextCalls(int calls) {
                for (int i = 0; i < calls; i++) {
                    GOOGLE.failNext(new GoogleCalendarSimulator.Fault(503, null, ""));
                }
            }
        };
    }

    private static Instant instant(JsonObject time) {
        return time.containsKey("dateTime") ? OffsetDateTime.parse(time.getString("dateTime")).toInstant()
                : LocalDate.parse(time.getString("date")).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
