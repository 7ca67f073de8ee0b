package org.calsync.domain.model.mail;

/**
 * The mail server could not take a message. The reason and the server's address are for the words people read;
 * the message keeps the technical detail for the log.
 */
public class MailNotSentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the message did not go, as far as an administrator can act on it. */
    public enum Reason {
        /** Nothing answered at the relay's address and port. */
        UNREACHABLE,
        /** The relay refused CalSync's sign-in. */
        SIGN_IN_REFUSED,
        /** The relay refused the sender or the recipient. */
        ADDRESS_REFUSED,
        /** Anything else the relay answered. */
        OTHER
    }

    private final Reason reason;
    private final String server;

    public MailNotSentException(Reason reason, String server, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
        this.server = server;
    }

    public Reason reason() {
        return reason;
    }

    /** host:port of the relay. */
    public String server() {
        return server;
    }
}
