package org.calsync.infrastructure.provider.ews;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import microsoft.exchange.webservices.data.core.ExchangeServerInfo;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.service.folder.Folder;

import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ServerOptions;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.tenant.ExchangeServerVersion;
import org.calsync.domain.model.tenant.ExchangeServices;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Autodiscover and the server check, over EWS. */
@ApplicationScoped
public class EwsExchangeServices implements ExchangeServices {

    /**
     * Autodiscover endpoints to ask instead of the documented ones, {domain} standing for the mailbox's
     * domain, separated by commas; for labs whose Autodiscover lives elsewhere, and for tests. (Payara's
     * config producer cannot inject an optional list.)
     */
    @Inject
    @ConfigProperty(name = "calsync.ews.autodiscover.endpoints")
    Optional<String> autodiscoverEndpoints = Optional.empty();

    @Override
    public URI discoverEwsUrl(String mailbox, String username, String password, ServerOptions options) {
        List<String> endpoints = autodiscoverEndpoints.filter(list -> !list.isBlank())
                .map(list -> List.of(list.split(","))).orElse(List.of());
        return new EwsAutodiscover(endpoints).discover(mailbox, username, password, options);
    }

    @Override
    public ServerCheck check(ProviderConnection connection) {
        try (EwsSession session = new EwsSession(connection)) {
            Folder calendar = Folder.bind(session.service, WellKnownFolderName.Calendar);
            ExchangeServerInfo info = session.service.getServerInfo();
            session.succeeded();
            if (info == null) {
                return new ServerCheck(calendar.getDisplayName(), null, Optional.empty());
            }
            String build = info.getMajorVersion() + "." + info.getMinorVersion() + "." + info.getMajorBuildNumber()
                    + "." + info.getMinorBuildNumber();
            return new ServerCheck(calendar.getDisplayName(), build,
                    ExchangeServerVersion.ofBuild(info.getMajorVersion(), info.getMinorVersion()));
        } catch (ProviderUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw EwsFailures.translate(e, connection.server().getHost());
        }
    }
}
