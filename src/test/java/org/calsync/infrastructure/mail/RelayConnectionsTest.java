package org.calsync.infrastructure.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Kept relay connections against GreenMail: messages share one, and one the relay dropped is not used again. */
class RelayConnectionsTest {

    private GreenMail smtp = start(0);
    private final RelayConnections relay = new RelayConnections(session(smtp.getSmtp().getPort()));

    @AfterEach
    void stop() {
        relay.close();
        smtp.stop();
    }

    @Test
    void messagesInARowShareOneConnection() throws Exception {
        for (int i = 1; i <= 3; i++) {
            relay.send(message("learner" + i + "@northwind.example"));
            assertEquals(1, relay.keptConnections(), "after message " + i);
        }
        assertEquals(3, smtp.getReceivedMessages().length);
    }

    @Test
    void aConnectionTheRelayDroppedIsReplacedAndTheMessageSentOnce() throws Exception {
        int port = smtp.getSmtp().getPort();
        relay.send(message("ada@northwind.example"));
        smtp.stop(); // the relay restarts: the kept connection is dead
        smtp = start(port);
        relay.send(message("ben@northwind.example"));
        assertEquals(1, smtp.getReceivedMessages().length, "the second message, once, on a new connection");
        assertEquals(1, relay.keptConnections());
    }

    @Test
    void closingLetsEveryConnectionGo() throws Exception {
        relay.send(message("cleo@northwind.example"));
        relay.close();
        assertEquals(0, relay.keptConnections());
    }

    private static GreenMail start(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail mail = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        mail.start();
        return mail;
    }

    private static Session session(int port) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.timeout", "5000");
        return Session.getInstance(properties);
    }

    private MimeMessage message(String to) throws Exception {
        MimeMessage message = new MimeMessage(session(smtp.getSmtp().getPort()));
        message.setFrom(new InternetAddress("training@northwind.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Invitation: Budgeting");
        message.setText("See you there.");
        return message;
    }
}
