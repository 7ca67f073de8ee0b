package org.calsync.domain.model.mail;

/**
 * The organiser's mailbox as CalSync reads it: every reply to an invitation found there is handed over once, and
 * moved to the processed folder only after it was handled, so that a crash in between reads it again (recording an
 * answer twice changes nothing) and never loses it. Other mail is left where it is, for people to read.
 */
public interface ReplyInbox {

    /** How to reach and sign in to the mailbox; the password in clear, for the length of one read. */
    record MailboxAccess(String host, int port, MailSecurity security, String username, String password,
            String processedFolder) {

        @Override
        public String toString() { // never the password, in a log or an exception
            return username + "@" + host + ":" + port + " (" + security + ")";
        }
    }

    /** What the application does with what is read. */
    interface ReplyHandler {

        /** Records the reply, or refuses it; an exception leaves the message in the mailbox for the next read. */
        void reply(CalendarReply reply);

        /** A calendar reply that cannot be read (a malformed calendar part): moved aside, and counted as refused. */
        void unreadable(String messageId, String why);
    }

    /**
     * Reads the mailbox once.
     *
     * @throws MailboxUnavailableException when the server cannot be reached or refuses the sign-in
     */
    void read(MailboxAccess access, ReplyHandler handler);
}
