package org.calsync.infrastructure.provider.ews;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;

import org.calsync.domain.model.calendar.ProviderConnection;

/**
 * One connection's EWS service: the EWS URL, the sign-in (DOMAIN\\user or user@domain), and, for a
 * service account, the mailbox it impersonates. Closed after each use, which releases its connections.
 */
final class EwsSession implements AutoCloseable {

    /** The newest version the EWS Java API speaks; Exchange 2013 to 2019 accept it. */
    static final ExchangeVersion VERSION = ExchangeVersion.Exchange2010_SP2;
    static final int TIMEOUT_MILLIS = 30_000;

    final ExchangeService service;
    final String server;

    EwsSession(ProviderConnection connection) {
        service = TrustingExchangeService.create(VERSION, connection.options().get(ProviderConnection.TRUSTED_CERTIFICATES));
        server = connection.server().getHost();
        try {
            service.setUrl(connection.server());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not an EWS address: " + connection.server(), e);
        }
        service.setCredentials(credentials(connection.username(), connection.secret()));
        if ("BASIC".equals(connection.options().get(ProviderConnection.AUTH_SCHEME))) {
            // Basic goes with the first request; otherwise the server's challenge decides (NTLM where offered).
            String pair = connection.username() + ":" + connection.secret();
            service.getHttpHeaders().put("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        service.setTimeout(TIMEOUT_MILLIS);
        if (connection.actAs() != null) {
            service.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, connection.actAs()));
        }
    }

    /** DOMAIN\\user signs in with a domain; user@domain and plain names are sent as they are. */
    static WebCredentials credentials(String username, String password) {
        int slash = username == null ? -1 : username.indexOf('\\');
        if (slash > 0) {
            return new WebCredentials(username.substring(slash + 1), password, username.substring(0, slash));
        }
        return new WebCredentials(username, password);
    }

    @Override
    public void close() {
        service.close();
    }

}
