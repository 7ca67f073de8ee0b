package org.calsync.infrastructure.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.calsync.domain.model.mail.InvitationMail;
import org.calsync.domain.model.mail.MailNotSentException;
import org.calsync.domain.model.mail.Mailer;
import org.calsync.domain.model.mail.OutgoingMail;
import org.calsync.infrastructure.provider.ical.ItipWriter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Jakarta Mail over SMTP, set up from MicroProfile Config ({@code calsync.mail.*}), so that an on-premise
 * installation points it at its own relay without touching the server's resources.
 */
@ApplicationScoped
public class SmtpMailer implements Mailer {

    private static final int TIMEOUT_MILLIS = 20_000;
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    @Inject
    @ConfigProperty(name = "calsync.mail.host", defaultValue = "localhost")
    String host;

    @Inject
    @ConfigProperty(name = "calsync.mail.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "calsync.mail.from", defaultValue = "calsync@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "calsync.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "calsync.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "calsync.mail.starttls", defaultValue = "false")
    boolean startTls;

    private Session session;
    private RelayConnections relay;
    private final ItipWriter itip = new ItipWriter();

    @PostConstruct
    void connect() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        properties.put("mail.smtp.timeout", String.valueOf(TIMEOUT_MILLIS));
        properties.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MILLIS));
        properties.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        properties.put("mail.smtp.starttls.required", String.valueOf(startTls));
        boolean signIn = username.filter(name -> !name.isBlank()).isPresent();
        properties.put("mail.smtp.auth", String.valueOf(signIn));
        session = Session.getInstance(properties, signIn ? new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(username.get(), password.orElse(""));
            }
        } : null);
        relay = new RelayConnections(session);
    }

    @PreDestroy
    void disconnect() {
        relay.close();
    }

    @Override
    public void send(OutgoingMail mail) {
        try {
            InvitationMail invitation = mail.invitation();
            MimeMessage message = invitation == null ? new MimeMessage(session)
                    : new InvitationMessage(session, invitation.messageId());
            message.setFrom(invitation == null ? new InternetAddress(from, "CalSync", UTF_8)
                    : new InternetAddress(invitation.organiser().email(), invitation.organiser().name(), UTF_8));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), mail.toName(), UTF_8));
            message.setSubject(mail.subject(), UTF_8);
            if (invitation == null) {
                message.setText(mail.text(), UTF_8);
            } else {
                message.setContent(InvitationParts.of(mail, itip.write(invitation)));
            }
            relay.send(message);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailNotSentException(reason(e), host + ":" + port, "The mail server at " + host + ":" + port
                    + " did not take the message to " + mail.to() + ": " + e.getMessage(), e);
        }
    }

    /** A message whose Message-ID is CalSync's own, so that one sent again after a crash is the same message. */
    private static final class InvitationMessage extends MimeMessage {
        private final String messageId;

        InvitationMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    /** What an administrator can do about it depends on which step failed. */
    private static MailNotSentException.Reason reason(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.net.SocketTimeoutException) {
                return MailNotSentException.Reason.UNREACHABLE;
            }
            if (cause instanceof jakarta.mail.AuthenticationFailedException) {
                return MailNotSentException.Reason.SIGN_IN_REFUSED;
            }
            if (cause instanceof jakarta.mail.SendFailedException) {
                return MailNotSentException.Reason.ADDRESS_REFUSED;
            }
        }
        return MailNotSentException.Reason.OTHER;
    }
}
