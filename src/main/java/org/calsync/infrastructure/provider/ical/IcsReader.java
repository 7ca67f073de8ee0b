package org.calsync.infrastructure.provider.ical;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.BusyTime;
import org.calsync.domain.model.calendar.BusyTime.ShowAs;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.calendar.RemoteEvent;
import org.calsync.domain.shared.Text;

/**
 * Reads one calendar object resource (a VCALENDAR holding one UID: the master event and its overridden
 * occurrences) into the occurrences that make a person busy inside a window.
 * <ul>
 * <li>Recurring series are expanded; EXDATEs drop occurrences and RECURRENCE-ID components replace
 * (or, when cancelled, remove) the occurrence they name.</li>
 * <li>TRANSP:TRANSPARENT and STATUS:CANCELLED make no busy time, nor does an invitation the calendar's owner
 * declined (their ATTENDEE with PARTSTAT=DECLINED), which clients keep in the calendar.</li>
 * <li>CLASS:PRIVATE or CONFIDENTIAL events keep no title.</li>
 * <li>All-day events stay all-day; floating times are read in the person's zone.</li>
 * </ul>
 */
public final class IcsReader {

    /** A guard against pathological rules (FREQ=MINUTELY for years): no event makes more occurrences. */
    static final int MAX_OCCURRENCES = 2000;

    private final ZoneId personZone;
    /** The calendar owner's addresses, lower case, to find their own answer among an event's attendees. */
    private final Set<String> ownerAddresses;

    public IcsReader(ZoneId personZone) {
        this(personZone, Set.of());
    }

    public IcsReader(ZoneId personZone, Set<String> ownerAddresses) {
        this.personZone = personZone;
        this.ownerAddresses = ownerAddresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    public RemoteEvent read(String remoteId, String version, String ics, Instant from, Instant to)
            throws IcsFormatException {
        Calendar calendar = parse(ics);
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        if (events.isEmpty()) {
            throw new IcsFormatException("No VEVENT in " + remoteId);
        }
        VEvent master = events.stream().filter(e -> e.getProperty(Property.RECURRENCE_ID).isEmpty()).findFirst()
                .orElse(events.get(0));
        String uid = text(master, Property.UID)
                .orElseThrow(() -> new IcsFormatException("Event without UID in " + remoteId));
        boolean privateEvent = isPrivate(master);
        String title = privateEvent ? null : text(master, Property.SUMMARY).orElse("");
        try {
            List<BusyInterval> busy = busyIntervals(master, events, from, to);
            return new RemoteEvent(remoteId, uid, version, busy, title, privateEvent);
        } catch (RuntimeException e) {
            // ical4j signals bad dates and rules with unchecked exceptions.
            throw new IcsFormatException("Unreadable event " + uid + " in " + remoteId + ": " + e.getMessage(), e);
        }
    }

    static Calendar parse(String ics) throws IcsFormatException {
        try {
            // Another client may have stored a control character; it would stop the parser, so it is left out.
            return new CalendarBuilder().build(new StringReader(Text.carriable(ics)));
        } catch (ParserException | IOException | RuntimeException e) {
            throw new IcsFormatException("Not a valid iCalendar object: " + e.getMessage(), e);
        }
    }

    private List<BusyInterval> busyIntervals(VEvent master, List<VEvent> events, Instant from, Instant to)
            throws IcsFormatException {
        List<VEvent> overrides = events.stream().filter(e -> e != master)
                .filter(e -> e.getProperty(Property.RECURRENCE_ID).isPresent()).toList();
        Set<Instant> replaced = new HashSet<>();
        for (VEvent override : overrides) {
            replaced.add(instant(this.<Temporal>date(override, Property.RECURRENCE_ID)));
        }
        List<BusyInterval> busy = new ArrayList<>();
        if (BusyTime.canBlock(showAs(master), cancelled(master))) {
            busy.addAll(occurrences(master, from, to).stream()
                    .filter(occurrence -> !replaced.contains(occurrence.start())).toList());
        }
        for (VEvent override : overrides) {
            if (BusyTime.canBlock(showAs(override), cancelled(override))) {
                occurrences(override, from, to).stream().findFirst().ifPresent(busy::add);
            }
        }
        busy.sort(Comparator.comparing(BusyInterval::start));
        return busy;
    }

    private List<BusyInterval> occurrences(VEvent event, Instant from, Instant to) throws IcsFormatException {
        Temporal start = date(event, Property.DTSTART);
        boolean allDay = start instanceof LocalDate;
        ZonedDateTime windowStart = from.atZone(ZoneOffset.UTC);
        ZonedDateTime windowEnd = to.atZone(ZoneOffset.UTC);
        Set<Period<Temporal>> periods;
        if (event.getProperty(Property.RRULE).isPresent() || event.getProperty(Property.RDATE).isPresent()) {
            periods = event.calculateRecurrenceSet(new Period<>(windowStart, windowEnd));
        } else {
            periods = Set.of(new Period<>(start, end(event, start)));
        }
        List<BusyInterval> result = new ArrayList<>();
        TimeWindow window = new TimeWindow(from, to);
        for (Period<Temporal> period : periods) {
            Optional<BusyInterval> busy;
            try {
                busy = BusyTime.of(instant(period.getStart()), instant(period.getEnd()), allDay, showAs(event),
                        cancelled(event), window);
            } catch (IllegalArgumentException reversed) {
                // A DTEND before DTSTART or a negative DURATION: skipped and named in the sync log, not silently dropped.
                throw new IcsFormatException(reversed.getMessage(), reversed);
            }
            busy.ifPresent(result::add);
            if (result.size() >= MAX_OCCURRENCES) {
                break;
            }
        }
        return result;
    }

    /** DTEND, or DTSTART plus DURATION, or RFC 5545's defaults: one day for dates, zero time otherwise. */
    private Temporal end(VEvent event, Temporal start) {
        Optional<? extends DateProperty<Temporal>> end = event.getEndDate(true);
        if (end.isPresent()) {
            return end.get().getDate();
        }
        return start instanceof LocalDate date ? date.plusDays(1) : start;
    }

    /**
     * TRANSP:TRANSPARENT, or the owner's decline, shows the time as free; STATUS:TENTATIVE as tentative; otherwise
     * it is busy.
     */
    private ShowAs showAs(VEvent event) {
        if (text(event, Property.TRANSP).map("TRANSPARENT"::equalsIgnoreCase).orElse(false) || declinedByOwner(event)) {
            return ShowAs.FREE;
        }
        return text(event, Property.STATUS).map("TENTATIVE"::equalsIgnoreCase).orElse(false) ? ShowAs.TENTATIVE
                : ShowAs.BUSY;
    }

    private boolean declinedByOwner(VEvent event) {
        if (ownerAddresses.isEmpty()) {
            return false;
        }
        for (Property attendee : event.getProperties(Property.ATTENDEE)) {
            String address = attendee.getValue() == null ? "" : attendee.getValue().strip().toLowerCase(Locale.ROOT);
            String owner = address.startsWith("mailto:") ? address.substring(7) : address;
            boolean declined = attendee.getParameter(Parameter.PARTSTAT).map(Parameter::getValue)
                    .map("DECLINED"::equalsIgnoreCase).orElse(false);
            if (declined && ownerAddresses.contains(owner)) {
                return true;
            }
        }
        return false;
    }

    private static boolean cancelled(VEvent event) {
        return text(event, Property.STATUS).map("CANCELLED"::equalsIgnoreCase).orElse(false);
    }

    private static boolean isPrivate(VEvent event) {
        String classification = text(event, Property.CLASS).orElse("PUBLIC").toUpperCase(Locale.ROOT);
        return classification.equals("PRIVATE") || classification.equals("CONFIDENTIAL");
    }

    private <T extends Temporal> T date(VEvent event, String name) throws IcsFormatException {
        Optional<Property> property = event.getProperty(name);
        if (property.isEmpty() || !(property.get() instanceof DateProperty<?> date) || date.getDate() == null) {
            throw new IcsFormatException("Event without a readable " + name);
        }
        @SuppressWarnings("unchecked")
        T value = (T) date.getDate();
        return value;
    }

    /** Dates are midnight and floating times are wall-clock time, both in the person's zone. */
    private Instant instant(Temporal temporal) {
        if (temporal instanceof Instant instant) {
            return instant;
        }
        if (temporal instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (temporal instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (temporal instanceof LocalDateTime floating) {
            return floating.atZone(personZone).toInstant();
        }
        if (temporal instanceof LocalDate date) {
            return date.atStartOfDay(personZone).toInstant();
        }
        throw new IllegalArgumentException("Unsupported date value " + temporal);
    }

    private static Optional<String> text(Component component, String name) {
        return component.getProperty(name).map(Property::getValue).filter(value -> !value.isBlank());
    }
}
