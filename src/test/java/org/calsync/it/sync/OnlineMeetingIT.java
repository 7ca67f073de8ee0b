package org.calsync.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.OAuthServer;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.EveryLook;
import org.calsync.it.ui.pages.LoginPage;
import org.calsync.it.ui.pages.MyCalendarsPage;
import org.calsync.testsupport.Eventually;
import org.calsync.testsupport.FixtureDates;
import org.calsync.testsupport.RadicaleServer;
import org.calsync.testsupport.ews.EwsSimulator;
import org.calsync.testsupport.ews.SimulatedItem;
import org.calsync.testsupport.google.GoogleCalendarSimulator;
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
 * Online meetings generated for sessions, in Payara, through the simulators: a session marked for Teams gets its
 * meeting through the lead instructor's Microsoft 365 account, and every attendee's event carries its link, in
 * Graph, Radicale (as RFC 7986 CONFERENCE), Exchange and Google. Moving the session keeps the meeting; cancelling it
 * deletes the lead's event, which ends the meeting. A lead without a Teams licence, or without a Microsoft 365
 * account, gets a session that says why, pushed without a link all the same.
 */
@ExtendWith(ArquillianExtension.class)
class OnlineMeetingIT {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String DIRECTORY = "northwind.onmicrosoft.example";
    private static final String TEAMS_CALENDAR = "AAMkAGteamsCalendar=";
    private static final String LEAD = "tina.teams-" + SUFFIX + "@northwind.example";
    private static final String UNLICENSED = "noah.noteams-" + SUFFIX + "@northwind.example";
    private static final String EXCHANGE_LEARNER = "ezra.ews-" + SUFFIX + "@northwind.example";
    private static final String GOOGLE_LEARNER = "gail.google-" + SUFFIX + "@northwind.example";
    private static final String GOOGLE_ACCOUNT = "gail.google-" + SUFFIX + "@gmail.example";
    private static final String PASSWORD = "meeting-password-2027";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Duration SOON = Duration.ofSeconds(30);

    @RegisterExtension
    static final OAuthServer OAUTH = new OAuthServer();

    @RegisterExtension
    static final GraphSimulator GRAPH = new GraphSimulator().withMailbox(LEAD, TEAMS_CALENDAR)
            .withMailbox(UNLICENSED, TEAMS_CALENDAR).onPort(Integer.getInteger("calsync.it.graph.port", 0));

    @RegisterExtension
    static final GoogleCalendarSimulator GOOGLE = new GoogleCalendarSimulator()
            .withCalendar(GOOGLE_ACCOUNT, GOOGLE_ACCOUNT, "owner")
            .onPort(Integer.getInteger("calsync.it.google.port", 0));

    @RegisterExtension
    static final EwsSimulator EWS = new EwsSimulator().withUser("ezra" + SUFFIX, PASSWORD, EXCHANGE_LEARNER)
            .onPort(Integer.getInteger("calsync.it.ews.port", 0));

    @RegisterExtension
    static final RadicaleServer RADICALE = new RadicaleServer().withUser("rita", "rita-secret");

    @ArquillianResource
    private URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    @BeforeAll
    static void needsChromium() {
        Browser.requireOrSkip(); // the Google learner consents in the browser, as Google has no organisation-wide mode
    }

    @Test
    void aTeamsMeetingIsInEveryAttendeesEventKeptWhenMovedAndEndedWhenCancelled() {
        Api api = new Api(url, "csk_demo_northwind_0000000000000001");
        GRAPH.withoutTeams(UNLICENSED);
        assertEquals(200, api.put("oauth-registrations/MICROSOFT_365", """
                {"directoryId":"%s","clientId":"3f1c9a7e-calsync-northwind","clientSecret":"not-a-real-secret~1",
                 "organisationWide":true}""".formatted(DIRECTORY)).status());
        assertEquals(200, api.put("exchange-settings", """
                {"ewsUrl":"%s","serverVersion":"EXCHANGE_2016","authMode":"PER_USER","authScheme":"NTLM",
                 "streamChanges":false}""".formatted(EWS.url())).status());
        String lead = api.createInstructor(LEAD, "Tina Teams " + SUFFIX, "Europe/London");
        link(api, lead, "{\"provider\":\"MICROSOFT_365\"}");
        String radicaleLearner = learner(api, "rita-" + SUFFIX + "@northwind.example", "Rita Radicale");
        URI ritaCalendar = RADICALE.createCalendar("rita", "classes");
        link(api, radicaleLearner, """
                {"provider":"CALDAV","serverUrl":"%s","username":"rita","password":"rita-secret"}"""
                .formatted(RADICALE.base()));
        String exchangeLearner = learner(api, EXCHANGE_LEARNER, "Ezra Exchange");
        link(api, exchangeLearner, """
                {"provider":"EXCHANGE","username":"NORTHWIND\\\\ezra%s","password":"%s"}""".formatted(SUFFIX, PASSWORD));
        String googleLearner = googleLearner(api);

        LocalDate day = FixtureDates.fromToday().weeksAhead(3, DayOfWeek.TUESDAY);
        String title = "Teams class " + SUFFIX;
        Api.Reply created = api.post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London","onlineMeeting":"TEAMS"}"""
                .formatted(title, FixtureDates.api(day.atTime(10, 0)), FixtureDates.api(day.atTime(12, 0))));
        assertEquals(201, created.status(), created.body());
        String session = created.object().getString("id");
        assertEquals("NO_INSTRUCTOR", created.object().getString("onlineMeetingProblem"), created.body());
        assertEquals(200, api.post("sessions/" + session + "/instructors", "{\"personId\":\"" + lead + "\"}").status());
        assertEquals(200, api.post("sessions/" + session + "/registrations/bulk", """
                {"personIds":["%s","%s","%s"]}""".formatted(radicaleLearner, exchangeLearner, googleLearner)).status());

        Eventually.await("the session has its Teams meeting", SOON,
                () -> api.get("sessions/" + session).object().getString("joinLink", "").startsWith(
                        "https://teams.microsoft.example/l/meetup-join/"));
        String join = api.get("sessions/" + session).object().getString("joinLink");
        assertFalse(api.get("sessions/" + session).object().containsKey("onlineMeetingProblem")
                && !api.get("sessions/" + session).object().isNull("onlineMeetingProblem"), "nothing wrong any more");
        JsonObject hosting = onlyEvent(GRAPH.calendar(LEAD, TEAMS_CALENDAR).events(), title);
        assertEquals(join, hosting.getJsonObject("onlineMeeting").getString("joinUrl"), "the lead's event hosts it");
        assertEquals(1, GRAPH.teamsMeetingsCreated());

        Eventually.await("every attendee's event carries the link", SOON, () -> carriesEverywhere(ritaCalendar, title, join));
        String ics = RADICALE.eventsContaining("rita", ritaCalendar, title).get(0).replace("\r\n ", "");
        assertTrue(joinsAt(ics, join), ics);
        assertTrue(ics.contains("LOCATION:" + join.replace(",", "\\,").replace(";", "\\;")), "no venue: the link is where");
        SimulatedItem appointment = exchangeItem(title);
        assertEquals(join, appointment.location(), "Exchange shows the link as the place");

        // Moved a day later: the lead's event is updated, so the same meeting, at the new time, for everyone.
        LocalDate later = day.plusDays(1);
        assertEquals(200, api.put("sessions/" + session, """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London"}""".formatted(title,
                FixtureDates.api(later.atTime(10, 0)), FixtureDates.api(later.atTime(12, 0)))).status());
        Instant movedStart = later.atTime(10, 0).atZone(LONDON).toInstant();
        Eventually.await("everyone's event moved, with the same meeting", SOON,
                () -> exchangeItem(title).start().equals(movedStart)
                        && carriesEverywhere(ritaCalendar, title, join)
                        && onlyEvent(GRAPH.calendar(LEAD, TEAMS_CALENDAR).events(), title).getJsonObject("onlineMeeting")
                                .getString("joinUrl").equals(join));
        assertEquals(join, api.get("sessions/" + session).object().getString("joinLink"), "the link is kept");
        assertEquals(1, GRAPH.teamsMeetingsCreated(), "no second meeting for a move");

        try (Browser browser = new Browser(url.toString())) {
            new LoginPage(browser).signInAs("admin@northwind.example", "calsync-demo");
            browser.open("admin/session.xhtml?id=" + session);
            assertEquals(join, browser.waitFor(By.id("sessionForm:generatedMeetingLink")).getText(),
                    "the console shows the meeting it generated");
            assertTrue(browser.driver().findElements(By.id("sessionForm:meetingProblem")).isEmpty());
            browser.scrollTo(browser.driver().findElement(By.id("sessionForm:onlineMeeting")));
            browser.screenshot("console-session-meeting-generated");
        }

        // Cancelled: the lead's event goes, and the Teams meeting with it.
        assertEquals(200, api.post("sessions/" + session + "/cancel", "{}").status());
        Eventually.await("the hosting event is deleted, which ends the meeting", SOON,
                () -> GRAPH.calendar(LEAD, TEAMS_CALENDAR).events().stream()
                        .noneMatch(e -> e.getString("subject", "").equals(title))
                        && RADICALE.eventsContaining("rita", ritaCalendar, title).isEmpty());

        // A Meet session led by the Google account's owner: Google makes the conference, everyone gets its link.
        String meetTitle = "Meet class " + SUFFIX;
        String meet = api.post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London","onlineMeeting":"GOOGLE_MEET"}"""
                .formatted(meetTitle, FixtureDates.api(day.atTime(8, 0)), FixtureDates.api(day.atTime(9, 0))))
                .object().getString("id");
        assertEquals(200, api.post("sessions/" + meet + "/instructors", "{\"personId\":\"" + googleLearner + "\"}")
                .status());
        assertEquals(200, api.post("sessions/" + meet + "/registrations/bulk", """
                {"personIds":["%s","%s","%s"]}""".formatted(radicaleLearner, exchangeLearner, lead)).status());
        Eventually.await("the session has its Meet conference", SOON,
                () -> api.get("sessions/" + meet).object().getString("joinLink", "").startsWith("https://meet.google.example/"));
        String meetJoin = api.get("sessions/" + meet).object().getString("joinLink");
        JsonObject hostingMeet = GOOGLE.calendar(GOOGLE_ACCOUNT).events().stream()
                .filter(e -> meetTitle.equals(e.getString("summary", ""))).findFirst().orElseThrow();
        assertEquals(meetJoin, hostingMeet.getString("hangoutLink"), "her Google event hosts it");
        assertEquals(1, GOOGLE.meetConferencesCreated());
        Eventually.await("the Meet link is in the other attendees' events", SOON, () -> {
            List<String> rita = RADICALE.eventsContaining("rita", ritaCalendar, meetTitle);
            return rita.size() == 1 && joinsAt(rita.get(0).replace("\r\n ", ""), meetJoin)
                    && exchangeItem(meetTitle).body().contains(meetJoin)
                    && onlyEvent(GRAPH.calendar(LEAD, TEAMS_CALENDAR).events(), meetTitle).getJsonObject("body")
                            .getString("content").contains(meetJoin);
        });
        assertEquals(1, GOOGLE.meetConferencesCreated(), "one conference, however often her event is written");

        // A lead whose mailbox has no Teams licence: the session says why and is pushed without a link.
        String unlicensed = api.createInstructor(UNLICENSED, "Noah No-Teams " + SUFFIX, "Europe/London");
        link(api, unlicensed, "{\"provider\":\"MICROSOFT_365\"}");
        String refusedTitle = "No Teams class " + SUFFIX;
        String refused = api.post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London","onlineMeeting":"TEAMS"}"""
                .formatted(refusedTitle, FixtureDates.api(day.atTime(14, 0)), FixtureDates.api(day.atTime(15, 0))))
                .object().getString("id");
        assertEquals(200, api.post("sessions/" + refused + "/instructors", "{\"personId\":\"" + unlicensed + "\"}").status());
        assertEquals(200, api.post("sessions/" + refused + "/registrations", "{\"personId\":\"" + radicaleLearner + "\"}")
                .status());
        Eventually.await("the session says the meeting was refused", SOON,
                () -> "REFUSED".equals(api.get("sessions/" + refused).object().getString("onlineMeetingProblem", "")));
        String why = api.get("sessions/" + refused).object().getString("onlineMeetingProblemText");
        assertTrue(why.contains("No Microsoft Teams meeting") && why.contains("Noah No-Teams") && why.contains("licence"), why);
        Eventually.await("the learner has the session all the same, without a link", SOON,
                () -> RADICALE.eventsContaining("rita", ritaCalendar, refusedTitle).size() == 1);
        assertFalse(RADICALE.eventsContaining("rita", ritaCalendar, refusedTitle).get(0).contains("CONFERENCE"));

        // The session page says it too, in English and French, wide and on a phone.
        EveryLook.inEachLanguageAndWidth(url.toString(), "admin@northwind.example", "calsync-demo",
                (browser, language, width) -> {
                    browser.open("admin/session.xhtml?id=" + refused);
                    String problem = browser.waitFor(By.id("sessionForm:meetingProblem")).getText();
                    assertTrue(problem.contains(EveryLook.english(language) ? "No Microsoft Teams meeting"
                            : "Pas de réunion Microsoft Teams"), problem);
                    assertEquals(List.of(), browser.layoutProblems(By.id("sessionForm:onlineMeeting"),
                            By.id("sessionForm:meetingProblem")), "the meeting's field at " + width + " px in " + language);
                    assertEquals(List.of(), browser.cutOffSideways(By.id("sessionForm:onlineMeeting"),
                            By.id("sessionForm:meetingProblem")), "nothing cut off at " + width + " px in " + language);
                    browser.scrollTo(browser.driver().findElement(By.id("sessionForm:onlineMeeting")));
                    browser.screenshot(EveryLook.shot("console-session-meeting-refused", language, width));
                });

        // A lead with no Microsoft 365 account at all: said at once, in plain words.
        String noAccount = api.createInstructor("nell.nolink-" + SUFFIX + "@northwind.example", "Nell No-Link " + SUFFIX,
                "Europe/London");
        String unhosted = api.post("sessions", """
                {"courseTitle":"Unhosted %s","start":"%s","end":"%s","timeZone":"Europe/London","onlineMeeting":"TEAMS"}"""
                .formatted(SUFFIX, FixtureDates.api(day.atTime(16, 0)), FixtureDates.api(day.atTime(17, 0))))
                .object().getString("id");
        JsonObject assigned = api.post("sessions/" + unhosted + "/instructors", "{\"personId\":\"" + noAccount + "\"}")
                .object();
        assertEquals("NO_ACCOUNT", assigned.getString("onlineMeetingProblem"), assigned.toString());
        assertTrue(assigned.getString("onlineMeetingProblemText").contains("has no linked Microsoft 365 account"),
                assigned.getString("onlineMeetingProblemText"));
    }

    /** Radicale, Exchange and Google each show the session once, with the meeting's link. */
    private static boolean carriesEverywhere(URI ritaCalendar, String title, String join) {
        List<String> rita = RADICALE.eventsContaining("rita", ritaCalendar, title);
        boolean caldav = rita.size() == 1 && rita.get(0).replace("\r\n ", "").contains(join);
        boolean exchange = EWS.mailbox(EXCHANGE_LEARNER).items().stream()
                .filter(item -> title.equals(item.subject())).anyMatch(item -> item.body().contains(join));
        boolean google = GOOGLE.calendar(GOOGLE_ACCOUNT).events().stream()
                .filter(event -> title.equals(event.getString("summary", "")))
                .anyMatch(event -> event.getString("description", "").contains(join)
                        && join.equals(event.getString("location", "")));
        return caldav && exchange && google;
    }

    /** The event's RFC 7986 CONFERENCE points at the meeting, as a video link (Radicale orders the parameters). */
    private static boolean joinsAt(String ics, String join) {
        return ics.lines().filter(line -> line.startsWith("CONFERENCE;")).anyMatch(line -> line.endsWith(":" + join)
                && line.contains("VALUE=URI") && line.contains("FEATURE=VIDEO") && line.contains("LABEL=Join online"));
    }

    private static SimulatedItem exchangeItem(String title) {
        return EWS.mailbox(EXCHANGE_LEARNER).items().stream().filter(item -> title.equals(item.subject())).findFirst()
                .orElseThrow();
    }

    private static JsonObject onlyEvent(List<JsonObject> events, String title) {
        List<JsonObject> found = events.stream().filter(e -> title.equals(e.getString("subject", ""))).toList();
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    private static String learner(Api api, String email, String name) {
        return person(api, email, name, "Learner");
    }

    private static String person(Api api, String email, String name, String role) {
        Api.Reply created = api.post("people", """
                {"email":"%s","displayName":"%s %s","timeZone":"Europe/London","roles":["%s"],"password":"%s"}"""
                .formatted(email, name, SUFFIX, role, PASSWORD));
        assertEquals(201, created.status(), created.body());
        return created.object().getString("id");
    }

    private static void link(Api api, String person, String body) {
        Api.Reply linked = api.post("people/" + person + "/calendar-accounts", body);
        assertEquals(201, linked.status(), linked.body());
    }

    /** Google has no organisation-wide mode: the learner consents in the browser, as a person would. */
    private static String googleLearner(Api api) {
        assertEquals(200, api.put("oauth-registrations/GOOGLE", """
                {"clientId":"calsync-northwind.apps.googleusercontent.example","clientSecret":"GOCSPX-not-a-real-one"}""")
                .status());
        // an instructor: she attends the Teams class, and leads a Meet one
        String person = person(api, GOOGLE_LEARNER, "Gail Google", "Instructor");
        try (Browser browser = Browser.atPublicAddress()) {
            new LoginPage(browser).signInAs(GOOGLE_LEARNER, PASSWORD);
            new MyCalendarsPage(browser).startConsent("Google Calendar");
            OAUTH.signIn(browser, GOOGLE_ACCOUNT);
            browser.waitForText(By.id("messages"), "Connected " + GOOGLE_ACCOUNT);
        }
        return person;
    }
}
