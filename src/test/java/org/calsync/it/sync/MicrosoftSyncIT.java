package org.calsync.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.OAuthServer;
import org.calsync.testsupport.FixtureDates;
import org.calsync.testsupport.graph.GraphSimulator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared sync scenarios against Microsoft 365, through the Graph simulator. The person is linked in the
 * organisation-wide mode, as IT would link people through the API, so that no browser is needed.
 */
@ExtendWith(ArquillianExtension.class)
class MicrosoftSyncIT extends CloudCalendarScenarios {

    private static final String CALENDAR = "AAMkAGscenarioCalendar=";
    private static final String DIRECTORY = "northwind.onmicrosoft.example";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String EMAIL = "mira.graph-" + UUID.randomUUID().toString().substring(0, 6) + "@northwind.example";

    @RegisterExtension
    static final OAuthServer OAUTH = new OAuthServer();

    @RegisterExtension
    static final GraphSimulator GRAPH = new GraphSimulator().withMailbox(EMAIL, CALENDAR)
            .onPort(Integer.getInteger("calsync.it.graph.port", 0)); // where Payara was told Graph answers

    private static URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    @Override
    protected String createAndLinkPerson() {
        organisationWideOn();
        String person = api().createInstructor(EMAIL, "Mira Graph", "Europe/London");
        Api.Reply linked = api().post("people/" + person + "/calendar-accounts", "{\"provider\":\"MICROSOFT_365\"}");
        assertEquals(201, linked.status(), linked.body());
        return person;
    }

    private void organisationWideOn() {
        deployment = deploymentUrl();
        Api.Reply registered = api().put("oauth-registrations/MICROSOFT_365", """
                {"directoryId":"%s","clientId":"3f1c9a7e-calsync-northwind","clientSecret":"not-a-real-secret~1",
                 "organisationWide":true}""".formatted(DIRECTORY));
        assertEquals(200, registered.status(), registered.body());
    }

    /** Planning asks Microsoft 365's getSchedule, as the application, about people who linked no calendar. */
    @Test
    @Order(4)
    void planningSeesMicrosoft365FreeBusyForPeopleWhoLinkedNothing() {
        organisationWideOn();
        // An Exchange service account would be asked instead; another class may have left one configured.
        Api.Reply perUser = api().put("exchange-settings", """
                {"ewsUrl":"https://mail.northwind.example/EWS/Exchange.asmx","serverVersion":"EXCHANGE_2016",
                 "authMode":"PER_USER","authScheme":"NTLM"}""");
        assertEquals(200, perUser.status(), perUser.body());
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String email = "planner-" + suffix + "@northwind.example";
        String planner = api().createInstructor(email, "Pat Planner " + suffix, "Europe/London");
        String unknown = api().createInstructor("not-in-365-" + suffix + "@northwind.example", "Nia Nomail " + suffix,
                "Europe/London");
        GRAPH.withMailbox(email, "AAMkAGplannerCalendar=");
        LocalDate reviewDay = FixtureDates.fromToday().weeksAhead(8, DayOfWeek.TUESDAY);
        Instant review = reviewDay.atTime(12, 0).atZone(LONDON).toInstant();
        GRAPH.putByOwner(email, "AAMkAGplannerCalendar=", null, Json.createObjectBuilder().add("subject", "Team review")
                .add("showAs", "busy").add("start", GraphSimulator.utcTime(review))
                .add("end", GraphSimulator.utcTime(review.plus(Duration.ofHours(1)))).build());
        GRAPH.clearRequests();

        Api.Reply reply = api().get("availability?people=" + planner + "," + unknown + "&from="
                + reviewDay.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() + "&to="
                + reviewDay.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertEquals(200, reply.status(), reply.body());
        JsonObject plannerRow = reply.array().getJsonObject(0);
        assertEquals("MICROSOFT_365_FREE_BUSY", plannerRow.getString("source"), reply.body());
        assertEquals(review.toString(), plannerRow.getJsonArray("busy").getJsonObject(0).getString("start"));
        assertEquals("NONE", reply.array().getJsonObject(1).getString("source"), "no mailbox: nothing known");
        assertEquals(List.of("POST /v1.0/users/planner-" + suffix + "%40northwind.example/calendar/getSchedule"),
                GRAPH.requests().stream().filter(r -> r.contains("getSchedule")).toList(),
                "one getSchedule for both, as the application in a mailbox's context");

        // Assigning the planner to a session overlapping it names the clash and where it was learnt.
        String session = api().post("sessions", """
                {"courseTitle":"Clash check %s","start":"%s","end":"%s",
                 "timeZone":"Europe/London"}""".formatted(suffix, FixtureDates.api(reviewDay.atTime(12, 30)),
                FixtureDates.api(reviewDay.atTime(13, 30)))).object().getString("id");
        JsonObject conflict = api().get("sessions/" + session + "/conflicts?personId=" + planner).array().getJsonObject(0);
        assertEquals("MICROSOFT_365_FREE_BUSY", conflict.getString("kind"), conflict.toString());
        assertEquals("Microsoft 365 free/busy", conflict.getString("source"));
    }

    /** Other classes sign people in one by one: the organisation-wide switch goes back off. */
    @AfterAll
    static void organisationWideOff() {
        if (deployment != null) {
            new Api(deployment, "csk_demo_northwind_0000000000000001").put("oauth-registrations/MICROSOFT_365", """
                    {"directoryId":"%s","clientId":"3f1c9a7e-calsync-northwind","organisationWide":false}"""
                    .formatted(DIRECTORY));
        }
    }

    @Override
    protected CalendarProviderType provider() {
        return CalendarProviderType.MICROSOFT_365;
    }

    @Override
    protected String londonAsWritten() {
        return "GMT Standard Time";
    }

    @Override
    protected OwnCalendar calendar() {
        return new OwnCalendar() {
            @Override
            public List<SeenEvent> events() {
                return GRAPH.calendar(EMAIL, CALENDAR).events().stream().map(e -> new SeenEvent(e.getString("id"),
                        e.getString("subject", ""), instant(e.getJsonObject("start")), instant(e.getJsonObject("end")),
                        e.getString("originalStartTimeZone", ""))).toList();
            }

            @Override
            public String add(String title, Instant start, Instant end, Shown shown) {
                JsonObjectBuilder event = Json.createObjectBuilder().add("subject", title)
                        .add("start", GraphSimulator.utcTime(start)).add("end", GraphSimulator.utcTime(end))
                        .add("showAs", shown == Shown.FREE ? "free" : "busy")
                        .add("sensitivity", shown == Shown.PRIVATE ? "private" : "normal");
                return GRAPH.putByOwner(EMAIL, CALENDAR, null, event.build());
            }

            @Override
            public String addAllDay(String title, LocalDate day) {
                JsonObject event = Json.createObjectBuilder().add("subject", title).add("isAllDay", true)
                        .add("showAs", "busy").add("start", GraphSimulator.utcTime(day.atStartOfDay().toInstant(
                                ZoneOffset.UTC)))
                        .add("end", GraphSimulator.utcTime(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                        .build();
                return GRAPH.putByOwner(EMAIL, CALENDAR, null, event);
            }

            @Override
            public List<String> addWeeklySeries(String title, Instant firstStart, Duration length, int weeks) {
                return GRAPH.addWeeklySeriesByOwner(EMAIL, CALENDAR, title, firstStart, length, weeks);
            }

            @Override
            public void move(String eventId, Instant start, Instant end) {
                GRAPH.moveByOwner(EMAIL, CALENDAR, eventId, start, end);
            }

            @Override
            public void delete(String eventId) {
                GRAPH.deleteByOwner(EMAIL, CALENDAR, eventId);
            }

            @Override
            public void failNextCalls(int calls) {
                for (int i = 0; i < calls; i++) {
                    GRAPH.failNext(new GraphSimulator.Fault(503, null, null));
                }
            }
        };
    }

    private static Instant instant(JsonObject utcTime) {
        return LocalDateTime.parse(utcTime.getString("dateTime")).toInstant(ZoneOffset.UTC);
    }
}
