package org.calsync.infrastructure.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Address;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import org.calsync.domain.model.mail.CalendarReply;
import org.calsync.domain.model.mail.MailSecurity;
import org.calsync.domain.model.mail.MailboxUnavailableException;
import org.calsync.domain.model.mail.ReplyInbox;
import org.calsync.infrastructure.provider.ical.IcsFormatException;
import org.calsync.infrastructure.provider.ical.ItipReplyReader;

/**
 * Reads the organiser's mailbox over IMAP with Jakarta Mail. A reply is copied to the processed folder and deleted
 * from the inbox only after the handler returned. Mail that is not a reply (a person writing to the organiser, a
 * forwarded invitation) stays in the inbox, unread, with a keyword that keeps later reads from looking at it again.
 */
@ApplicationScoped
public class ImapReplyInbox implements ReplyInbox {

    private static final Logger LOG = Logger.getLogger(ImapReplyInbox.class.getName());
    private static final int TIMEOUT_MILLIS = 20_000;
    /** A keyword (an IMAP user flag) on mail that is not a reply, so that it is looked at once. */
    static final String NOT_A_REPLY = "CalSyncNotAReply";
    /** Enough for a busy minute; the rest waits for the next read. */
    static final int MOST_PER_READ = 500;

    private final ItipReplyReader replies = new ItipReplyReader();

    @Override
    public void read(MailboxAccess access, ReplyHandler handler) {
        Store store = null;
        Folder inbox = null;
        try {
            store = session(access).getStore(protocol(access.security()));
            store.connect(access.host(), access.port(), access.username(), access.password());
            inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Folder processed = store.getFolder(access.processedFolder());
            if (!processed.exists() && !processed.create(Folder.HOLDS_MESSAGES)) {
                throw new MailboxUnavailableException("The folder " + access.processedFolder()
                        + " cannot be created in " + access, null);
            }
            Message[] waiting = inbox.search(new FlagTerm(new Flags(NOT_A_REPLY), false));
            Message[] batch = Arrays.copyOf(waiting, Math.min(waiting.length, MOST_PER_READ));
            FetchProfile headers = new FetchProfile();
            headers.add(FetchProfile.Item.ENVELOPE);
            headers.add(FetchProfile.Item.CONTENT_INFO);
            inbox.fetch(batch, headers);
            for (Message message : batch) {
                handle(message, inbox, processed, handler);
            }
        } catch (MessagingException e) {
            throw new MailboxUnavailableException(access + ": " + e.getMessage(), e);
        } finally {
            close(inbox, store);
        }
    }

    private void handle(Message message, Folder inbox, Folder processed, ReplyHandler handler)
            throws MessagingException {
        String messageId = messageId(message);
        Optional<String> calendarPart;
        Optional<ItipReplyReader.ReadReply> reply;
        try {
            calendarPart = calendarPart(message);
            reply = calendarPart.isEmpty() ? Optional.empty() : replies.read(calendarPart.get());
        } catch (IcsFormatException | IOException e) {
            handler.unreadable(messageId, e.getMessage());
            moveAside(message, inbox, processed);
            return;
        }
        if (reply.isEmpty()) {
            keepForPeople(message);
            return;
        }
        ItipReplyReader.ReadReply read = reply.get();
        Date sent = message.getSentDate();
        Instant writtenAt = read.writtenAt().orElseGet(() -> sent == null ? Instant.now() : sent.toInstant());
        try {
            handler.reply(new CalendarReply(read.uid(), read.attendee(), sender(message), read.response(), writtenAt,
                    messageId));
        } catch (RuntimeException e) { // left in the inbox: the next read tries again
            LOG.warning(() -> "Reply " + messageId + " not recorded; it stays for the next read: " + e);
            return;
        }
        moveAside(message, inbox, processed);
    }

    /** The first text/calendar part, wherever the client put it: the body, an alternative, or an attachment. */
    private static Optional<String> calendarPart(Part part) throws MessagingException, IOException {
        String type = part.getContentType() == null ? "" : part.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("text/calendar") || type.startsWith("application/ics")) {
            try (InputStream in = part.getInputStream()) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        if (type.startsWith("multipart/") && part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                Optional<String> found = calendarPart(parts.getBodyPart(i));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static void moveAside(Message message, Folder inbox, Folder processed) throws MessagingException {
        inbox.copyMessages(new Message[] {message}, processed);
        message.setFlag(Flags.Flag.DELETED, true);
    }

    /** Left unread for the people who read the mailbox, and marked so that CalSync does not look at it again. */
    private static void keepForPeople(Message message) {
        try {
            message.setFlags(new Flags(NOT_A_REPLY), true);
            message.setFlag(Flags.Flag.SEEN, false);
        } catch (MessagingException e) { // a server without keywords: looked at again next time, harmlessly
            LOG.fine(() -> "No keyword on a message that is not a reply: " + e.getMessage());
        }
    }

    private static String sender(Message message) throws MessagingException {
        Address[] from = message.getFrom();
        return from != null && from.length > 0 && from[0] instanceof InternetAddress address ? address.getAddress()
                : null;
    }

    private static String messageId(Message message) throws MessagingException {
        return message instanceof MimeMessage mime && mime.getMessageID() != null ? mime.getMessageID()
                : "#" + message.getMessageNumber();
    }

    private static String protocol(MailSecurity security) {
        return security == MailSecurity.SSL_TLS ? "imaps" : "imap";
    }

    private static Session session(MailboxAccess access) {
        String protocol = protocol(access.security());
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        properties.put("mail." + protocol + ".timeout", String.valueOf(TIMEOUT_MILLIS));
        properties.put("mail." + protocol + ".writetimeout", String.valueOf(TIMEOUT_MILLIS));
        if (access.security() == MailSecurity.SSL_TLS) {
            properties.put("mail.imaps.ssl.checkserveridentity", "true");
        } else if (access.security() == MailSecurity.STARTTLS) {
            properties.put("mail.imap.starttls.enable", "true");
            properties.put("mail.imap.starttls.required", "true");
            properties.put("mail.imap.ssl.checkserveridentity", "true");
        }
        return Session.getInstance(properties);
    }

    /** Closing the inbox expunges the replies moved aside. */
    private static void close(Folder inbox, Store store) {
        try {
            if (inbox != null && inbox.isOpen()) {
                inbox.close(true);
            }
            if (store != null) {
                store.close();
            }
        } catch (MessagingException e) {
            LOG.fine(() -> "Closing the mailbox: " + e.getMessage());
        }
    }
}
