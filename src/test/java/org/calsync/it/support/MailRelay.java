package org.calsync.it.support;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail as the SMTP relay CalSync is configured for, on the port the build reserved
 * ({@code calsync.it.smtp.port}); reads the emails CalSync sends.
 */
public final class MailRelay implements AutoCloseable {

    private static final int SMTP_PORT = Integer.getInteger("calsync.it.smtp.port", 0);
    private static final Pattern LINK = Pattern.compile("https?://\\S+(/invitation\\.xhtml\\?token=[A-Za-z0-9_-]+)");

    private GreenMail smtp;

    public static MailRelay start() {
        assumeTrue(SMTP_PORT > 0, "Payara knows where the SMTP server listens");
        MailRelay relay = new MailRelay();
        relay.smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        relay.smtp.start();
        return relay;
    }

    /** The path and query of the invitation link in the newest email to this address, once all expected arrived. */
    public String invitationLinkSentTo(String email, int expectedMails) {
        assertTrue(smtp.waitForIncomingEmail(15_000, expectedMails), "the email arrives");
        MimeMessage[] received = smtp.getReceivedMessagesForDomain(email);
        MimeMessage newest = received[received.length - 1];
        Matcher link = LINK.matcher(text(newest));
        assertTrue(link.find(), text(newest));
        return link.group(1).substring(1);
    }

    /** The text of the newest email to this address, once all expected (to anyone) arrived. */
    public String newestTextTo(String email, int expectedMails) {
        assertTrue(smtp.waitForIncomingEmail(15_000, expectedMails), "the email arrives");
        MimeMessage[] received = smtp.getReceivedMessagesForDomain(email);
        assertTrue(received.length > 0, "an email to " + email);
        return text(received[received.length - 1]);
    }

    /** The text as a person reads it: quoted-printable (used once a text holds an accent) decoded. */
    private static String text(MimeMessage mail) {
        try {
            Object content = mail.getContent();
            return content instanceof String text ? text : GreenMailUtil.getBody(mail).replace("=\r\n", "");
        } catch (MessagingException | java.io.IOException e) {
            throw new AssertionError("an unreadable email", e);
        }
    }

    public MimeMessage[] receivedBy(String email) {
        return smtp.getReceivedMessagesForDomain(email);
    }

    public String subjectOfFirstTo(String email) throws MessagingException {
        return receivedBy(email)[0].getSubject();
    }

    /** Takes the relay down, as an outage would. */
    @Override
    public void close() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }
}
