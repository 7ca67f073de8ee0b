package org.calsync.infrastructure.provider.ical;

import java.time.ZonedDateTime;
import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Feature;
import net.fortuna.ical4j.model.parameter.Label;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Conference;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.calsync.domain.model.calendar.OutgoingEvent;

/**
 * Writes the iCalendar object for one pushed event: a VEVENT in the session's own zone with the matching
 * VTIMEZONE, so every client shows the planned wall-clock time across daylight saving changes.
 */
public final class IcsWriter {

    public static final String PRODUCT_ID = "-//CalSync//CalSync 1.0//EN";
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    public String write(OutgoingEvent event) {
        return calendar(event).toString();
    }

    Calendar calendar(OutgoingEvent event) {
        return calendar(event, new Status(Status.VALUE_CONFIRMED));
    }

    Calendar calendar(OutgoingEvent event, Status status) {
        net.fortuna.ical4j.model.TimeZone zone = ZONES.getTimeZone(event.zone().getId());
        if (zone == null) {
            throw new IllegalArgumentException("No VTIMEZONE definition for " + event.zone().getId());
        }
        VTimeZone timeZone = zone.getVTimeZone();
        ZonedDateTime start = event.start().atZone(event.zone());
        ZonedDateTime end = event.end().atZone(event.zone());
        VEvent vevent = new VEvent(start, end, event.title());
        vevent.add(new Uid(event.uid()));
        vevent.add(new Sequence(event.sequence()));
        vevent.add(status);
        vevent.add(new Transp(Transp.VALUE_OPAQUE));
        if (event.place() != null) {
            vevent.add(new Location(event.place()));
        }
        if (event.meetingLink() != null) {
            // RFC 7986: apps that know CONFERENCE offer to join; the notes carry the link for the others.
            vevent.add(new Conference(new ParameterList(List.of(Value.URI, Feature.VIDEO, new Label(event.joinLabel()))),
                    event.meetingLink().toString()));
        }
        if (event.linkBack() != null) {
            vevent.add(new Url(event.linkBack()));
        }
        String description = event.notes();
        if (!description.isEmpty()) {
            vevent.add(new Description(description));
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        calendar.add(timeZone);
        calendar.add(vevent);
        return calendar;
    }
}
