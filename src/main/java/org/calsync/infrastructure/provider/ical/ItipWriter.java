package org.calsync.infrastructure.provider.ical;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;

import org.calsync.domain.model.mail.InvitationMail;

/**
 * Writes the calendar part of an invitation email (iTIP, RFC 5546): the event as linked calendars get it, with
 * METHOD, the organiser, and the person as the one attendee asked to reply (RSVP=TRUE). A cancellation carries
 * the same UID, a higher SEQUENCE and STATUS:CANCELLED, which is what mail clients need to take the event out.
 */
public final class ItipWriter {

    private final IcsWriter events = new IcsWriter();

    public String write(InvitationMail mail) {
        boolean cancel = mail.method() == InvitationMail.Method.CANCEL;
        Calendar calendar = events.calendar(mail.event(),
                new Status(cancel ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        calendar.add(cancel ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        event.add(new Organizer(named(mail.organiser()), mailto(mail.organiser())));
        List<Parameter> attendee = new ArrayList<>(named(mail.attendee()).getAll());
        attendee.addAll(List.of(CuType.INDIVIDUAL, Role.REQ_PARTICIPANT, PartStat.NEEDS_ACTION, Rsvp.TRUE));
        event.add(new Attendee(new ParameterList(attendee), mailto(mail.attendee())));
        return calendar.toString();
    }

    private static ParameterList named(InvitationMail.Address address) {
        return address.name() == null || address.name().isBlank() ? new ParameterList()
                : new ParameterList(List.of(new Cn(address.name())));
    }

    private static URI mailto(InvitationMail.Address address) {
        return URI.create("mailto:" + address.email());
    }
}
