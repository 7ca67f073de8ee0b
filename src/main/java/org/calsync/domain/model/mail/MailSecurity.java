package org.calsync.domain.model.mail;

/** How the connection to a mail server is protected. */
public enum MailSecurity {
    /** TLS from the first byte (IMAPS, port 993). */
    SSL_TLS(993),
    /** A plain connection upgraded with STARTTLS before signing in (port 143); refused if the server cannot. */
    STARTTLS(143),
    /** No encryption: for a relay on the same host or a test server only. */
    NONE(143);

    private final int usualImapPort;

    MailSecurity(int usualImapPort) {
        this.usualImapPort = usualImapPort;
    }

    public int usualImapPort() {
        return usualImapPort;
    }
}
