package org.calsync.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/** Reads the invitations CalSync emails as a mail client does: the text/calendar part, parsed with ical4j. */
public final class InvitationEmails {

    private InvitationEmails() {
    }

    /** The event in the email's text/calendar part, with the part's and the calendar's METHOD checked. */
    public static VEvent calendarPart(Part mail, String method) throws Exception {
        Part part = find(mail);
        assertNotNull(part, "a text/calendar part");
        assertTrue(part.getContentType().toLowerCase(Locale.ROOT).contains("method=" + method.toLowerCase(Locale.ROOT)),
                part.getContentType());
        Calendar calendar = new CalendarBuilder().build(new StringReader(calendarText(mail)));
        assertEquals(method, calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        return calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
    }

    /** The text of the email's text/calendar part, as the mail client received it. */
    public static String calendarText(Part mail) throws Exception {
        Part part = find(mail);
        assertNotNull(part, "a text/calendar part");
        return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    public static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow(() -> new AssertionError("no " + property + " in " + event))
                .getValue();
    }

    private static Part find(Part part) throws Exception {
        if (part.isMimeType("text/calendar")) {
            return part;
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                Part found = find(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
