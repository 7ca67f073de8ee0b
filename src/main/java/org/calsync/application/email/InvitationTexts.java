package org.calsync.application.email;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.application.shared.MailTexts;
import org.calsync.application.shared.PublicAddress;
import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.mail.InvitationMail;
import org.calsync.domain.model.mail.OutgoingMail;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.tenant.Tenant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The words of an invitation email in the person's language: a subject that says what happened, and a text and
 * an HTML body with when (in the person's own zone), where, the session's notes, and how to link a calendar or
 * stop these emails.
 */
@ApplicationScoped
public class InvitationTexts {

    private final PublicAddress address;
    private final String installationSender;

    @Inject
    public InvitationTexts(PublicAddress address,
            @ConfigProperty(name = "calsync.mail.from", defaultValue = "calsync@localhost") String installationSender) {
        this.address = address;
        this.installationSender = installationSender;
    }

    /** For the container's proxy only. */
    protected InvitationTexts() {
        this(null, null);
    }

    /** The organiser of the organisation's invitations: its chosen sender, else the installation's. */
    InvitationMail.Address organiser(Tenant tenant) {
        String chosen = tenant.invitationMail().sender();
        return new InvitationMail.Address(chosen == null ? installationSender : chosen, tenant.name());
    }

    /** The address invitations come from when the organisation chose none ({@code calsync.mail.from}). */
    public String installationSender() {
        return installationSender;
    }

    OutgoingMail compose(InvitationMail invitation, Person person, boolean followsEarlierMail, String organisation) {
        MailTexts texts = new MailTexts(person.languageOr(invitation.event().language()));
        OutgoingEvent event = invitation.event();
        String kind = invitation.method() == InvitationMail.Method.CANCEL ? "cancel"
                : followsEarlierMail ? "update" : "request";
        String when = when(event, person.timeZone(), texts);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(texts.get("sessionMail.greeting", person.displayName()));
        paragraphs.add(texts.get("sessionMail." + kind + "Intro"));
        paragraphs.add(event.title() + "\n" + texts.get("sessionMail.when", when)
                + (event.location() == null ? "" : "\n" + texts.get("sessionMail.where", event.location())));
        if (invitation.method() == InvitationMail.Method.REQUEST && !event.notes().isEmpty()) {
            paragraphs.add(event.notes());
        }
        paragraphs.add(texts.get("sessionMail.why", organisation, address.link("/portal/calendars.xhtml")));
        String subject = texts.get("sessionMail." + kind + "Subject", event.title(), when);
        return new OutgoingMail(person.email(), person.displayName(), subject, String.join("\n\n", paragraphs),
                html(paragraphs), invitation);
    }

    /** Start and end in the person's own zone, which the calendar part leaves to the mail client. */
    private static String when(OutgoingEvent event, ZoneId zone, MailTexts texts) {
        ZonedDateTime start = event.start().atZone(zone);
        ZonedDateTime end = event.end().atZone(zone);
        DateTimeFormatter day = DateTimeFormatter.ofPattern(texts.get("sessionMail.dayPattern"),
                texts.language().locale());
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", texts.language().locale());
        String ends = start.toLocalDate().equals(end.toLocalDate()) ? end.format(time) : end.format(day) + " " + end.format(time);
        return texts.get("sessionMail.span", start.format(day), start.format(time), ends, zone.getId());
    }

    private static String html(List<String> paragraphs) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        for (String paragraph : paragraphs) {
            html.append("<p>").append(escape(paragraph).replace("\n", "<br>")).append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
