package org.calsync.domain.model.mail;

/** The organiser's mailbox could not be read: the server is unreachable, or it refused the sign-in. */
public class MailboxUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MailboxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
