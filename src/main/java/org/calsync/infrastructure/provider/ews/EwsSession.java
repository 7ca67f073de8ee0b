package org.calsync.infrastructure.provider.ews;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.ExchangeServiceBase;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;

import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.tenant.ExchangeServerVersion;

/**
 * One connection's EWS service: the EWS URL, the sign-in (DOMAIN\\user or user@domain), the release's
 * request schema, and, for a service account, the mailbox it impersonates. Closed after each use, which
 * releases its connections.
 */
final class EwsSession implements AutoCloseable {

    static final int TIMEOUT_MILLIS = 30_000;

    final ExchangeService service;
    final String server;

    EwsSession(ProviderConnection connection) {
        service = TrustingExchangeService.create(requestVersion(connection.options()),
                connection.options().get(ProviderConnection.TRUSTED_CERTIFICATES));
        server = connection.server().getHost();
        try {
            service.setUrl(connection.server());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not an EWS address: " + connection.server(), e);
        }
        signIn(service, connection.username(), connection.secret(), connection.options());
        if (connection.actAs() != null) {
            service.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, connection.actAs()));
        }
    }

    /**
     * The newest request schema both the release and the EWS Java API know. The API stops at 2010 SP2's,
     * which Exchange 2010 SP2 to Subscription Edition accept; older 2010 servers refuse it.
     */
    static ExchangeVersion requestVersion(Map<String, String> options) {
        String release = options.get(ProviderConnection.SERVER_VERSION);
        if (ExchangeServerVersion.EXCHANGE_2010.name().equals(release)) {
            return ExchangeVersion.Exchange2010;
        }
        if (ExchangeServerVersion.EXCHANGE_2010_SP1.name().equals(release)) {
            return ExchangeVersion.Exchange2010_SP1;
        }
        return ExchangeVersion.Exchange2010_SP2;
    }

    /**
     * Basic goes with the first request. NTLM (and the default) answers the server's challenge: the API's
     * HTTP client runs the NTLM handshake with the domain taken from DOMAIN\\user.
     */
    static void signIn(ExchangeServiceBase service, String username, String password, Map<String, String> options) {
        service.setCredentials(credentials(username, password));
        if ("BASIC".equals(options.get(ProviderConnection.AUTH_SCHEME))) {
            String pair = username + ":" + password;
            service.getHttpHeaders().put("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        service.setTimeout(TIMEOUT_MILLIS);
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
