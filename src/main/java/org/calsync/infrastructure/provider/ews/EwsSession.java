package org.calsync.infrastructure.provider.ews;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.ExchangeServiceBase;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;

import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ServerOptions;
import org.calsync.domain.model.tenant.ExchangeServerVersion;
import org.calsync.domain.model.tenant.ExchangeSettings.AuthScheme;

/**
 * One call's EWS service: the EWS URL, the sign-in (DOMAIN\\user or user@domain), the release's request
 * schema, and, for a service account, the mailbox it impersonates. Closing the session hands the service
 * back to whoever lent it (see {@link EwsServicePool}) after a call that succeeded, and closes it otherwise,
 * which releases its connections.
 */
final class EwsSession implements AutoCloseable {

    static final int TIMEOUT_MILLIS = 30_000;

    final ExchangeService service;
    final String server;
    private final Consumer<ExchangeService> giveBack;
    private boolean succeeded;

    /** A service of its own, closed after the call. */
    EwsSession(ProviderConnection connection) {
        this(newService(connection), connection, ExchangeService::close);
    }

    /** A service lent for one call; the mailbox it acts for is set for this call. */
    EwsSession(ExchangeService service, ProviderConnection connection, Consumer<ExchangeService> giveBack) {
        this.service = service;
        this.server = connection.server().getHost();
        this.giveBack = giveBack;
        service.setImpersonatedUserId(connection.actAs() == null ? null
                : new ImpersonatedUserId(ConnectingIdType.SmtpAddress, connection.actAs()));
    }

    static ExchangeService newService(ProviderConnection connection) {
        ExchangeService service = TrustingExchangeService.create(requestVersion(connection.options()),
                connection.options().trustedCertificates());
        try {
            service.setUrl(connection.server());
        } catch (RuntimeException e) {
            service.close();
            throw new IllegalArgumentException("Not an EWS address: " + connection.server(), e);
        }
        signIn(service, connection.username(), connection.secret(), connection.options());
        return service;
    }

    /** The call went through: the service (and its signed-in connection) may serve another. */
    void succeeded() {
        succeeded = true;
    }

    /**
     * The newest request schema both the release and the EWS Java API know. The API stops at 2010 SP2's,
     * which Exchange 2010 SP2 to Subscription Edition accept; older 2010 servers refuse it.
     */
    static ExchangeVersion requestVersion(ServerOptions options) {
        if (options.exchangeRelease() == ExchangeServerVersion.EXCHANGE_2010) {
            return ExchangeVersion.Exchange2010;
        }
        if (options.exchangeRelease() == ExchangeServerVersion.EXCHANGE_2010_SP1) {
            return ExchangeVersion.Exchange2010_SP1;
        }
        return ExchangeVersion.Exchange2010_SP2;
    }

    /**
     * Basic goes with the first request. NTLM (and the default) answers the server's challenge: the API's
     * HTTP client runs the NTLM handshake with the domain taken from DOMAIN\\user.
     */
    static void signIn(ExchangeServiceBase service, String username, String password, ServerOptions options) {
        service.setCredentials(credentials(username, password));
        if (options.signIn() == AuthScheme.BASIC) {
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
        if (succeeded) {
            giveBack.accept(service);
        } else {
            service.close();
        }
    }

}
