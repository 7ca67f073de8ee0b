package org.calsync.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.testsupport.ews.EwsSimulator;
import org.calsync.testsupport.ews.SimulatedItem;
import org.calsync.testsupport.ews.SimulatedMailbox;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared sync scenarios against on-premise Exchange, through the schema-validating EWS simulator: the
 * tenant uses per-user sign-in, and the person links their Windows account through the API.
 */
@ExtendWith(ArquillianExtension.class)
class ExchangeSyncIT extends CloudCalendarScenarios {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String EMAIL = "erin.exchange-" + SUFFIX + "@northwind.example";
    private static final String WINDOWS_USER = "erin-" + SUFFIX;
    private static final String PASSWORD = "erin-secret-2027";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** The scenarios name a series' occurrences; the simulator knows them as the series and an index. */
    private static final String OCCURRENCE = "#";

    @RegisterExtension
    static final EwsSimulator EWS = new EwsSimulator().withUser(WINDOWS_USER, PASSWORD, EMAIL)
            .onPort(Integer.getInteger("calsync.it.ews.port", 0)); // where Payara was told Autodiscover answers

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    @AfterEach
    void everyRequestValidated() {
        List<String> violations = EWS.takeViolations();
        assertTrue(violations.isEmpty(), String.join("\n\n", violations));
    }

    @Override
    protected String createAndLinkPerson() {
        Api.Reply configured = api().put("exchange-settings", """
                {"ewsUrl":"%s","serverVersion":"EXCHANGE_2016","authMode":"PER_USER","authScheme":"NTLM",
                 "streamChanges":false}"""
                .formatted(EWS.url()));
        assertEquals(200, configured.status(), configured.body());
        String person = api().createInstructor(EMAIL, "Erin Exchange", "Europe/London");
        Api.Reply linked = api().post("people/" + person + "/calendar-accounts", """
                {"provider":"EXCHANGE","username":"NORTHWIND\\\\%s","password":"%s"}"""
                .formatted(WINDOWS_USER, PASSWORD));
        assertEquals(201, linked.status(), linked.body());
        return person;
    }

    @Override
    protected CalendarProviderType provider() {
        return CalendarProviderType.EXCHANGE;
    }

    @Override
    protected String londonAsWritten() {
        return "GMT Standard Time";
    }

    @Override
    protected OwnCalendar calendar() {
        SimulatedMailbox mailbox = EWS.mailbox(EMAIL);
        return new OwnCalendar() {
            @Override
            public List<SeenEvent> events() {
                return mailbox.items().stream().map(item -> new SeenEvent(item.id(), item.subject(), item.start(),
                        item.end(), item.startTimeZoneId())).toList();
            }

            @Override
            public String add(String title, Instant start, Instant end, Shown shown) {
                SimulatedItem item = mailbox.add(title, start, end);
                if (shown == Shown.PRIVATE) {
                    mailbox.setSensitivity(item.id(), "Private");
                } else if (shown == Shown.FREE) {
                    mailbox.setFreeBusy(item.id(), "Free");
                }
                return item.id();
            }

            @Override
            public String addAllDay(String title, LocalDate day) {
                SimulatedItem item = mailbox.add(title, day.atStartOfDay(LONDON).toInstant(),
                        day.plusDays(1).atStartOfDay(LONDON).toInstant());
                mailbox.setAllDay(item.id());
                return item.id();
            }

            @Override
            public List<String> addWeeklySeries(String title, Instant firstStart, Duration length, int weeks) {
                SimulatedItem series = mailbox.addSeries(title, firstStart, firstStart.plus(length),
                        Duration.ofDays(7), weeks);
                List<String> occurrences = new ArrayList<>();
                for (int week = 0; week < weeks; week++) {
                    occurrences.add(series.id() + OCCURRENCE + week);
                }
                return occurrences;
            }

            @Override
            public void move(String eventId, Instant start, Instant end) {
                if (eventId.contains(OCCURRENCE)) {
                    mailbox.moveOccurrence(seriesOf(eventId), indexOf(eventId), start, end);
                } else {
                    mailbox.move(eventId, start, end);
                }
            }

            @Override
            public void delete(String eventId) {
                if (eventId.contains(OCCURRENCE)) {
                    mailbox.deleteOccurrence(seriesOf(eventId), indexOf(eventId));
                } else {
                    mailbox.delete(eventId);
                }
            }

            @Override
            public void failNextCalls(int calls) {
                for (int i = 0; i < calls; i++) {
                    EWS.failNext(new EwsSimulator.Fault.HttpStatus(503));
                }
            }
        };
    }

    private static String seriesOf(String occurrence) {
        return occurrence.substring(0, occurrence.lastIndexOf(OCCURRENCE));
    }

    private static int indexOf(String occurrence) {
        return Integer.parseInt(occurrence.substring(occurrence.lastIndexOf(OCCURRENCE) + 1));
    }
}
