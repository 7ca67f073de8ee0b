package org.calsync.it.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail as the organisation's IMAP server, holding the organiser mailbox that invitations' replies reach. Puts
 * replies in it as mail clients write them, and counts what is left in the inbox and what was moved aside.
 */
public final class OrganiserMailbox implements AutoCloseable {

    public static final String PASSWORD = "imap-secret";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final GreenMail imap;
    private final GreenMailUser owner;
    private final String address;

    private OrganiserMailbox(String address) {
        this.address = address;
        this.imap = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        imap.start();
        this.owner = imap.setUser(address, address, PASSWORD);
    }

    public static OrganiserMailbox start(String address) {
        return new OrganiserMailbox(address);
    }

    public int port() {
        return imap.getImap().getPort();
    }

    /**
     * A reply as Outlook writes one: METHOD:REPLY with the attendee's PARTSTAT, in a text/calendar part beside a
     * text body, sent from {@code from}.
     */
    public void reply(String from, String attendee, String uid, String partStat, String title) throws MessagingException {
        String ics = """
                BEGIN:VCALENDAR\r
                PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r
                VERSION:2.0\r
                METHOD:REPLY\r
                BEGIN:VEVENT\r
                ATTENDEE;PARTSTAT=%s;CN="Someone":mailto:%s\r
                DTSTAMP:%s\r
                ORGANIZER:mailto:%s\r
                UID:%s\r
                SEQUENCE:0\r
                SUMMARY:%s\r
                END:VEVENT\r
                END:VCALENDAR\r
                """.formatted(partStat, attendee, UTC.format(Instant.now()), address, uid, title);
        MimeBodyPart text = new MimeBodyPart();
        text.setText(partStat + ": " + title, StandardCharsets.UTF_8.name());
        MimeBodyPart calendar = new MimeBodyPart();
        calendar.setContent(ics, "text/calendar; method=REPLY; charset=UTF-8");
        deliver(from, partStat + ": " + title, new MimeMultipart("alternative", text, calendar));
    }

    /** An email a person writes to the organiser: no calendar part, for people to read. */
    public void note(String from, String subject) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Can we move it to the afternoon?", StandardCharsets.UTF_8.name());
        deliver(from, subject, new MimeMultipart(text));
    }

    private void deliver(String from, String subject, MimeMultipart content) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setContent(content);
        message.saveChanges();
        owner.deliver(message);
    }

    /** How many messages the folder holds, read over IMAP as a mail client would; 0 when it does not exist. */
    public int count(String folderName) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", port(), address, PASSWORD);
        try {
            Folder folder = store.getFolder(folderName);
            return folder.exists() ? folder.getMessageCount() : 0;
        } finally {
            store.close();
        }
    }

    @Override
    public void close() {
        imap.stop();
    }
}
