package org.calsync.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.testsupport.FailingProxy;
import org.calsync.testsupport.RadicaleServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared sync scenarios against a real CalDAV server, Radicale, reached through a proxy that can answer
 * 503 as a failing load balancer would. What the owner does in "their own app" is what any CalDAV client does:
 * plain PUTs and DELETEs of iCalendar resources, series with RECURRENCE-ID and EXDATE.
 */
@ExtendWith(ArquillianExtension.class)
class CalDavSyncIT extends CloudCalendarScenarios {

    private static final String USER = "carla";
    private static final String PASSWORD = "carla-secret";
    private static final String EMAIL = "carla.caldav-" + UUID.randomUUID().toString().substring(0, 6)
            + "@northwind.example";
    private static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern PROPERTY = Pattern.compile("(?m)^(DTSTART|DTEND|SUMMARY)([^:]*):(.*)$");
    /** The scenarios name a series' occurrences; the resource holds the series and its exceptions. */
    private static final String OCCURRENCE = "#";

    @RegisterExtension
    static final RadicaleServer RADICALE = new RadicaleServer().withUser(USER, PASSWORD);

    private static FailingProxy proxy;
    private static URI calendar;
    /** The owner's series, as their client keeps them: moved and deleted occurrences by week. */
    private static final Map<String, Series> SERIES = new TreeMap<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    @BeforeAll
    static void aCalendarBehindAProxy() throws IOException {
        calendar = RADICALE.createCalendar(USER, "main");
        proxy = new FailingProxy(RADICALE.base());
    }

    @AfterAll
    static void proxyStops() {
        proxy.close();
    }

    @Override
    protected String createAndLinkPerson() {
        String person = api().createInstructor(EMAIL, "Carla CalDAV", "Europe/London");
        Api.Reply linked = api().post("people/" + person + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"%s","password":"%s"}"""
                .formatted(proxy.base(), USER, PASSWORD));
        assertEquals(201, linked.status(), linked.body());
        return person;
    }

    @Override
    protected CalendarProviderType provider() {
        return CalendarProviderType.CALDAV;
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
                List<SeenEvent> events = new ArrayList<>();
                for (String href : RADICALE.hrefs(USER, calendar)) {
                    String ics = unfolded(RADICALE.send(USER, "GET", URI.create(href), null, Map.of()).body());
                    // Listed, then deleted by CalSync before it could be read: not there any more.
                    if (ics.contains("BEGIN:VEVENT")) {
                        events.add(seen(href, ics));
                    }
                }
                return events;
            }

            @Override
            public String add(String title, Instant start, Instant end, Shown shown) {
                String extra = switch (shown) {
                    case PRIVATE -> "CLASS:PRIVATE\r\n";
                    case FREE -> "TRANSP:TRANSPARENT\r\n";
                    default -> "";
                };
                return put(event(title, "DTSTART:" + UTC_STAMP.format(start), "DTEND:" + UTC_STAMP.format(end),
                        extra));
            }

            @Override
            public String addAllDay(String title, LocalDate day) {
                return put(event(title, "DTSTART;VALUE=DATE:" + day.toString().replace("-", ""),
                        "DTEND;VALUE=DATE:" + day.plusDays(1).toString().replace("-", ""), ""));
            }

            @Override
            public List<String> addWeeklySeries(String title, Instant firstStart, Duration length, int weeks) {
                Series series = new Series(UUID.randomUUID() + "@client.example", title, firstStart, length, weeks);
                String href = calendar.resolve(series.uid().replace("@", "-") + ".ics").toString();
                SERIES.put(href, series);
                RADICALE.putEvent(USER, URI.create(href), series.ics());
                List<String> occurrences = new ArrayList<>();
                for (int week = 0; week < weeks; week++) {
                    occurrences.add(href + OCCURRENCE + week);
                }
                return occurrences;
            }

            @Override
            public void move(String eventId, Instant start, Instant end) {
                if (eventId.contains(OCCURRENCE)) {
                    String href = eventId.substring(0, eventId.lastIndexOf(OCCURRENCE));
                    Series series = SERIES.get(href);
                    series.moved().put(weekOf(eventId), new Instant[] {start, end});
                    RADICALE.putEvent(USER, URI.create(href), series.ics());
                    return;
                }
                String ics = unfolded(RADICALE.send(USER, "GET", URI.create(eventId), null, Map.of()).body());
                // The event's own times, not those of the time zone definition before it.
                int event = ics.indexOf("BEGIN:VEVENT");
                String moved = ics.substring(event)
                        .replaceFirst("(?m)^DTSTART[^:]*:.*$", "DTSTART:" + UTC_STAMP.format(start))
                        .replaceFirst("(?m)^DTEND[^:]*:.*$", "DTEND:" + UTC_STAMP.format(end));
                RADICALE.putEvent(USER, URI.create(eventId), ics.substring(0, event) + moved);
            }

            @Override
            public void delete(String eventId) {
                if (eventId.contains(OCCURRENCE)) {
                    String href = eventId.substring(0, eventId.lastIndexOf(OCCURRENCE));
                    Series series = SERIES.get(href);
                    series.deleted().add(weekOf(eventId));
                    RADICALE.putEvent(USER, URI.create(href), series.ics());
                    return;
                }
                RADICALE.send(USER, "DELETE", URI.create(eventId), null, Map.of());
            }

            @Override
            public void failNextCalls(int calls) {
                proxy.failNext(calls);
            }
        };
    }

    private static String put(String ics) {
        String href = calendar.resolve(UUID.randomUUID() + ".ics").toString();
        RADICALE.putEvent(USER, URI.create(href), ics);
        return href;
    }

    private static String event(String title, String start, String end, String extra) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Owner's client//EN\r\nBEGIN:VEVENT\r\nUID:"
                + UUID.randomUUID() + "@client.example\r\nDTSTAMP:20260101T000000Z\r\n" + start + "\r\n" + end
                + "\r\nSUMMARY:" + title + "\r\n" + extra + "END:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    private static int weekOf(String occurrence) {
        return Integer.parseInt(occurrence.substring(occurrence.lastIndexOf(OCCURRENCE) + 1));
    }

    private static String unfolded(String ics) {
        return ics.replace("\r\n ", "").replace("\n ", "").replace("\r\n", "\n");
    }

    /** The first VEVENT of a resource as its owner sees it: title, times in UTC, and the zone it names. */
    private static SeenEvent seen(String href, String ics) {
        String title = "";
        Instant start = null;
        Instant end = null;
        String zone = "";
        Matcher property = PROPERTY.matcher(ics.substring(ics.indexOf("BEGIN:VEVENT")));
        while (property.find() && (title.isEmpty() || start == null || end == null)) {
            String name = property.group(1);
            String parameters = property.group(2);
            String value = property.group(3).trim();
            if (name.equals("SUMMARY") && title.isEmpty()) {
                title = value;
            } else if (name.equals("DTSTART") && start == null) {
                zone = parameters.contains("TZID=") ? parameters.substring(parameters.indexOf("TZID=") + 5) : "";
                start = instant(parameters, value);
            } else if (name.equals("DTEND") && end == null) {
                end = instant(parameters, value);
            }
        }
        return new SeenEvent(href, title, start, end, zone);
    }

    private static Instant instant(String parameters, String value) {
        if (parameters.contains("VALUE=DATE")) {
            return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (value.endsWith("Z")) {
            return UTC_STAMP.parse(value, Instant::from);
        }
        ZoneId zone = parameters.contains("TZID=") ? ZoneId.of(parameters.substring(parameters.indexOf("TZID=") + 5))
                : ZoneOffset.UTC;
        return LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")).atZone(zone).toInstant();
    }

    /** A weekly series the owner made, with the occurrences they moved or deleted since. */
    private record Series(String uid, String title, Instant firstStart, Duration length, int weeks,
            Map<Integer, Instant[]> moved, Set<Integer> deleted) {

        Series(String uid, String title, Instant firstStart, Duration length, int weeks) {
            this(uid, title, firstStart, length, weeks, new TreeMap<>(), new LinkedHashSet<>());
        }

        Instant occurrence(int week) {
            return firstStart.plus(Duration.ofDays(7L * week));
        }

        String ics() {
            StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Owner's client//EN\r\n");
            ics.append("BEGIN:VEVENT\r\nUID:").append(uid).append("\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:")
                    .append(UTC_STAMP.format(firstStart)).append("\r\nDTEND:")
                    .append(UTC_STAMP.format(firstStart.plus(length))).append("\r\nRRULE:FREQ=WEEKLY;COUNT=")
                    .append(weeks).append("\r\nSUMMARY:").append(title).append("\r\n");
            for (int week : deleted) {
                ics.append("EXDATE:").append(UTC_STAMP.format(occurrence(week))).append("\r\n");
            }
            ics.append("END:VEVENT\r\n");
            moved.forEach((week, times) -> ics.append("BEGIN:VEVENT\r\nUID:").append(uid)
                    .append("\r\nDTSTAMP:20260101T000000Z\r\nRECURRENCE-ID:").append(UTC_STAMP.format(occurrence(week)))
                    .append("\r\nDTSTART:").append(UTC_STAMP.format(times[0])).append("\r\nDTEND:")
                    .append(UTC_STAMP.format(times[1])).append("\r\nSUMMARY:").append(title)
                    .append("\r\nEND:VEVENT\r\n"));
            return ics.append("END:VCALENDAR\r\n").toString();
        }
    }
}
