package org.calsync.domain.model.mail;

/** The mail server could not take a message; the text says why, in words for an administrator. */
public class MailNotSentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MailNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
