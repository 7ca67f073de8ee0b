package org.calsync.infrastructure.mail;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * Connections to the SMTP relay, kept between messages: a class's invitations go over a few connections instead
 * of one each, which spares every message the connection, the greeting, EHLO and, on most relays, STARTTLS and
 * the sign-in. A kept connection is checked with NOOP before it is used again (the relay may have closed it), so
 * a message is only ever sent once, on a connection that answered.
 */
final class RelayConnections implements AutoCloseable {

    /** As many as the push workers that send at once. */
    private static final int KEPT = 4;
    /** Well under the idle time relays allow (Postfix: 5 minutes), so that most checks find them alive. */
    private static final long KEPT_FOR_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Session session;
    private final Deque<Kept> kept = new ArrayDeque<>();

    private record Kept(Transport transport, long since) {
    }

    RelayConnections(Session session) {
        this.session = session;
    }

    void send(MimeMessage message) throws MessagingException {
        message.saveChanges();
        Transport transport = reusable();
        if (transport == null) {
            transport = session.getTransport("smtp");
            transport.connect();
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            closeQuietly(transport);
            throw e;
        }
        keep(transport);
    }

    private Transport reusable() {
        while (true) {
            Kept candidate;
            synchronized (kept) {
                candidate = kept.pollLast();
            }
            if (candidate == null) {
                return null;
            }
            if (System.nanoTime() - candidate.since() < KEPT_FOR_NANOS && candidate.transport().isConnected()) {
                return candidate.transport();
            }
            closeQuietly(candidate.transport());
        }
    }

    private void keep(Transport transport) {
        synchronized (kept) {
            if (kept.size() < KEPT) {
                kept.addLast(new Kept(transport, System.nanoTime()));
                return;
            }
        }
        closeQuietly(transport);
    }

    /** How many connections wait for the next message. */
    int keptConnections() {
        synchronized (kept) {
            return kept.size();
        }
    }

    @Override
    public void close() {
        synchronized (kept) {
            kept.forEach(connection -> closeQuietly(connection.transport()));
            kept.clear();
        }
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // The connection is gone either way.
        }
    }
}
