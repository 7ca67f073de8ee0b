package org.calsync.domain.model.mail;

/** Sends email through the installation's mail server. */
public interface Mailer {

    /** @throws MailNotSentException when the mail server cannot be reached or refuses the message */
    void send(OutgoingMail mail);
}
