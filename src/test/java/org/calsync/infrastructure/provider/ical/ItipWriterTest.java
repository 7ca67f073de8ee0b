package org.calsync.infrastructure.provider.ical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import org.calsync.domain.model.calendar.EventDetails;
import org.calsync.domain.model.calendar.EventTime;
import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.calendar.Staff;
import org.calsync.domain.model.mail.InvitationMail;
import org.calsync.domain.shared.Language;
import org.junit.jupiter.api.Test;

/** The calendar part of invitation emails, read back as a mail client would, against RFC 5546's rules. */
class ItipWriterTest {

    private static final InvitationMail.Address ORGANISER = new InvitationMail.Address("training@northwind.example",
            "Northwind Training");
    private static final InvitationMail.Address LEARNER = new InvitationMail.Address("noah@northwind.example",
            "Noah Williams");

    private static OutgoingEvent event(int sequence) {
        return new OutgoingEvent("6c1e0f8b-2d5a-3b6e-9f4c-5a6b7c8d9e0f@calsync", sequence, "Excel for Finance Teams",
                new EventTime(Instant.parse("2026-10-23T08:30:00Z"), Instant.parse("2026-10-23T11:30:00Z"),
                        ZoneId.of("Europe/London")), "Room 1", URI.create("https://meet.example.com/abc"),
                new EventDetails("Bring a laptop.", Staff.instructors(List.of("Amira Haddad")), null, Language.ENGLISH));
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    @Test
    void anInvitationAsksTheOneAttendeeToReplyToTheOrganiser() throws Exception {
        Calendar calendar = parse(new ItipWriter().write(new InvitationMail(InvitationMail.Method.REQUEST, event(0),
                ORGANISER, LEARNER)));
        assertEquals("REQUEST", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        assertTrue(calendar.validate().getEntries().stream().noneMatch(e -> e.getSeverity().name().equals("ERROR")),
                calendar.validate()::toString);
        VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        assertEquals("mailto:training@northwind.example", event.getProperty(Property.ORGANIZER).orElseThrow().getValue());
        String attendee = event.getProperty(Property.ATTENDEE).orElseThrow().toString();
        assertTrue(attendee.contains("RSVP=TRUE") && attendee.contains("PARTSTAT=NEEDS-ACTION")
                && attendee.contains("mailto:noah@northwind.example") && attendee.contains("CN=Noah Williams"), attendee);
        assertEquals("0", event.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertEquals("CONFIRMED", event.getProperty(Property.STATUS).orElseThrow().getValue());
        assertTrue(event.getProperty(Property.DTSTAMP).isPresent(), "iTIP requires DTSTAMP");
    }

    @Test
    void aCancellationKeepsTheUidWithAHigherSequence() throws Exception {
        String ics = new ItipWriter().write(new InvitationMail(InvitationMail.Method.CANCEL, event(2), ORGANISER, LEARNER));
        Calendar calendar = parse(ics);
        assertEquals("CANCEL", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        assertEquals("6c1e0f8b-2d5a-3b6e-9f4c-5a6b7c8d9e0f@calsync", event.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals("2", event.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertEquals("CANCELLED", event.getProperty(Property.STATUS).orElseThrow().getValue());
    }

    @Test
    void theMessageIdIsTheSameForTheSameMessageAndDiffersForTheNext() {
        InvitationMail first = new InvitationMail(InvitationMail.Method.REQUEST, event(1), ORGANISER, LEARNER);
        assertEquals(first.messageId(), new InvitationMail(InvitationMail.Method.REQUEST, event(1), ORGANISER, LEARNER)
                .messageId());
        assertTrue(!first.messageId().equals(new InvitationMail(InvitationMail.Method.REQUEST, event(2), ORGANISER,
                LEARNER).messageId()));
        assertTrue(first.messageId().matches("<[^<>@\\s]+@[^<>@\\s]+>"), first.messageId());
    }
}
