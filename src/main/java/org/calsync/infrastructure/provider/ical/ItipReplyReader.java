package org.calsync.infrastructure.provider.ical;

import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.Locale;
import java.util.Optional;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStamp;

import org.calsync.domain.model.session.AttendanceResponse;

/**
 * Reads the calendar part of a reply to an invitation (iTIP REPLY, RFC 5546 section 3.2.3): the event's UID, the
 * one ATTENDEE who answers, their PARTSTAT and the DTSTAMP. Anything that is not a REPLY is not a reply.
 */
public final class ItipReplyReader {

    /** What a reply says. {@code writtenAt} is empty when the client left DTSTAMP out. */
    public record ReadReply(String uid, String attendee, AttendanceResponse response, Optional<Instant> writtenAt) {
    }

    /**
     * The reply in this calendar part, or empty when the part is another iTIP method (a REQUEST forwarded to the
     * organiser, a COUNTER) that people should read instead.
     *
     * @throws IcsFormatException when the part says REPLY but cannot be read as one
     */
    public Optional<ReadReply> read(String ics) throws IcsFormatException {
        Calendar calendar = IcsReader.parse(ics);
        boolean reply = calendar.getProperty(Property.METHOD).map(Property::getValue)
                .map("REPLY"::equalsIgnoreCase).orElse(false);
        if (!reply) {
            return Optional.empty();
        }
        VEvent event = calendar.<VEvent>getComponent(Component.VEVENT)
                .orElseThrow(() -> new IcsFormatException("A reply without a VEVENT"));
        String uid = event.getProperty(Property.UID).map(Property::getValue).filter(v -> !v.isBlank())
                .orElseThrow(() -> new IcsFormatException("A reply without a UID"));
        Property attendee = event.getProperty(Property.ATTENDEE)
                .orElseThrow(() -> new IcsFormatException("A reply to " + uid + " without an ATTENDEE"));
        String partStat = attendee.getParameter(Parameter.PARTSTAT).map(Parameter::getValue)
                .orElseThrow(() -> new IcsFormatException("A reply to " + uid + " without a PARTSTAT"));
        return Optional.of(new ReadReply(uid, address(attendee.getValue()), response(uid, partStat), stamp(event)));
    }

    /** The address of a {@code mailto:} calendar user, as RFC 6047 matches it against the email's sender. */
    private static String address(String calendarUser) {
        String value = calendarUser == null ? "" : calendarUser.strip();
        return value.regionMatches(true, 0, "mailto:", 0, 7) ? value.substring(7) : value;
    }

    private static AttendanceResponse response(String uid, String partStat) throws IcsFormatException {
        switch (partStat.toUpperCase(Locale.ROOT)) {
            case "ACCEPTED":
                return AttendanceResponse.ACCEPTED;
            case "TENTATIVE":
                return AttendanceResponse.TENTATIVE;
            case "DECLINED":
                return AttendanceResponse.DECLINED;
            case "NEEDS-ACTION":
                return AttendanceResponse.NO_ANSWER;
            default: // DELEGATED and the rest: CalSync cannot act on them
                throw new IcsFormatException("A reply to " + uid + " with PARTSTAT " + partStat
                        + ", which CalSync does not record");
        }
    }

    private static Optional<Instant> stamp(VEvent event) {
        return event.<DtStamp>getProperty(Property.DTSTAMP).map(DtStamp::getDate).map(ItipReplyReader::instant);
    }

    private static Instant instant(Temporal temporal) {
        return temporal instanceof Instant instant ? instant : Instant.from(temporal);
    }
}
