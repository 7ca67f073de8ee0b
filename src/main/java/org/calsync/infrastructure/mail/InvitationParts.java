package org.calsync.infrastructure.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.calsync.domain.model.mail.OutgoingMail;

/**
 * The parts of an invitation email, laid out as Outlook, Gmail, Apple Mail and Thunderbird all recognise an
 * invitation (RFC 6047): text, HTML and the {@code text/calendar; method=…} part as alternatives of one another,
 * and the same calendar as an {@code invite.ics} attachment for clients that only offer to open a file.
 */
final class InvitationParts {

    private InvitationParts() {
    }

    static MimeMultipart of(OutgoingMail mail, String calendar) throws MessagingException {
        String method = mail.invitation().method().name().toUpperCase(Locale.ROOT);
        MimeMultipart alternatives = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name());
        alternatives.addBodyPart(text);
        if (mail.html() != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            alternatives.addBodyPart(html);
        }
        MimeBodyPart inline = new MimeBodyPart();
        inline.setDataHandler(new DataHandler(new ByteArrayDataSource(calendar.getBytes(StandardCharsets.UTF_8),
                "text/calendar; charset=UTF-8; method=" + method)));
        alternatives.addBodyPart(inline);

        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternatives);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(calendar.getBytes(StandardCharsets.UTF_8),
                "application/ics; name=invite.ics")));
        attachment.setFileName("invite.ics");
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(attachment);
        return mixed;
    }
}
