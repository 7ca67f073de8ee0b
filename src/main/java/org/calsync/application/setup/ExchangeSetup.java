package org.calsync.application.setup;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.connection.AccountConnections;
import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.SecretCipher;
import org.calsync.domain.model.tenant.ExchangeAuthMode;
import org.calsync.domain.model.tenant.ExchangeServerVersion;
import org.calsync.domain.model.tenant.ExchangeServices.ServerCheck;
import org.calsync.domain.model.tenant.ExchangeServices;
import org.calsync.domain.model.sync.ServerPauses;
import org.calsync.domain.model.tenant.ExchangeSettings;
import org.calsync.domain.model.tenant.ExchangeSettingsRepository;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.Message;

/**
 * A tenant's Exchange set-up: the settings, Autodiscover, and "Test connection", which says in plain words
 * what failed.
 */
@ApplicationScoped
@Transactional
public class ExchangeSetup {

    private static final Logger LOG = Logger.getLogger(ExchangeSetup.class.getName());

    @Inject
    private ExchangeSettingsRepository repository;

    @Inject
    private SecretCipher cipher;

    @Inject
    private AccountConnections connections;

    @Inject
    private ExchangeServices services;

    @Inject
    private ServerPauses pauses;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ExchangeSettings> settings(TenantId tenantId) {
        return repository.find(tenantId);
    }

    /** When the tenant's Exchange server last asked CalSync to wait, and for how long; empty when it never did. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ServerPauses.Pause> lastThrottle(TenantId tenantId) {
        return repository.find(tenantId).flatMap(ExchangeSettings::effectiveEwsUrl)
                .map(address -> ServerPauses.serverOf(URI.create(address))).flatMap(pauses::last);
    }

    /**
     * Saves the settings; a blank password keeps the stored one, and a null {@code streamChanges} the stored choice
     * (on for a new tenant).
     */
    public ExchangeSettings configure(TenantId tenantId, String ewsUrl, String autodiscoverEmail,
            ExchangeServerVersion version, ExchangeAuthMode mode, ExchangeSettings.AuthScheme scheme,
            String serviceUsername, String servicePassword, String trustedCertificates, Boolean streamChanges) {
        ExchangeSettings settings = repository.find(tenantId).orElse(null);
        boolean fresh = settings == null;
        if (fresh) {
            settings = new ExchangeSettings(tenantId);
        }
        String newSecret = servicePassword == null || servicePassword.isEmpty() ? null : cipher.encrypt(servicePassword);
        settings.change(ewsUrl, autodiscoverEmail, version, mode, scheme, serviceUsername, newSecret, trustedCertificates);
        if (streamChanges != null) {
            settings.streamChanges(streamChanges);
        }
        if (settings.usesServiceAccount()) {
            // Per-user tenants have no account to ask with; there the first person to connect finds the address.
            discoverIfNeeded(settings, settings.autodiscoverEmail(), settings.serviceUsername(),
                    connections.serviceSecret(settings), "autodiscoverEmail");
        }
        if (fresh) {
            repository.add(settings);
        }
        LOG.info(() -> "tenant=" + tenantId + " Exchange settings saved");
        return settings;
    }

    /** Finds the EWS address through Autodiscover and keeps it, unless one is known; says what failed on the field. */
    public void discoverIfNeeded(ExchangeSettings settings, String mailbox, String username, String password,
            String field) {
        if (settings.needsAutodiscover()) {
            settings.discovered(discover(settings, mailbox, username, password, field).toString());
        }
    }

    private URI discover(ExchangeSettings settings, String mailbox, String username, String password, String field) {
        try {
            return services.discoverEwsUrl(mailbox, username, password, AccountConnections.options(settings));
        } catch (AuthorisationLostException | ProviderUnavailableException e) {
            throw new InvalidInputException(field, "server.said", e.getMessage());
        }
    }

    /**
     * Signs in with the saved settings and, in impersonation mode, acts for the given mailbox: checks the
     * address (found again through Autodiscover when it came from there), the credentials and the
     * impersonation right in one call to the mailbox's calendar, and compares the release the server reports
     * with the one chosen.
     */
    public ConnectionTest test(TenantId tenantId, String mailbox) {
        ExchangeSettings settings = repository.find(tenantId)
                .orElseThrow(() -> new InvalidInputException("ewsUrl", "exchange.saveFirst"));
        if (settings.usesServiceAccount() && (mailbox == null || !mailbox.contains("@"))) {
            throw new InvalidInputException("mailbox", "exchange.mailboxRequired");
        }
        if (!settings.usesServiceAccount()) {
            return new ConnectionTest(false, List.of(Message.of("exchange.test.perUser")));
        }
        List<Message> found = new ArrayList<>();
        if (settings.ewsUrl() == null) {
            try {
                URI discovered = discover(settings, mailbox.strip(), settings.serviceUsername(),
                        connections.serviceSecret(settings), "mailbox");
                settings.discovered(discovered.toString());
                found.add(Message.of("exchange.test.discovered", discovered.toString()));
            } catch (InvalidInputException e) {
                return new ConnectionTest(false, List.of(e.errors().get(0).text()));
            }
        }
        String address = settings.effectiveEwsUrl().orElseThrow();
        try {
            ServerCheck check = services.check(connections.serviceAccount(settings, ZoneOffset.UTC, mailbox.strip()));
            found.add(Message.of("exchange.test.connected", address, settings.serviceUsername(), mailbox.strip(),
                    check.calendarName()));
            release(settings, check).ifPresent(found::add);
            return new ConnectionTest(true, found);
        } catch (AuthorisationLostException e) {
            found.add(Message.of("server.said", e.getMessage()));
            return new ConnectionTest(false, found);
        } catch (ProviderUnavailableException e) {
            found.add(Message.of("exchange.test.unreachable", address, e.getMessage()));
            return new ConnectionTest(false, found);
        }
    }

    private static Optional<Message> release(ExchangeSettings settings, ServerCheck check) {
        if (check.build() == null) {
            return Optional.empty();
        }
        String runs = check.release().map(ExchangeServerVersion::label).orElse("Exchange");
        if (check.release().isPresent() && check.release().get() != settings.serverVersion()) {
            return Optional.of(Message.of("exchange.test.otherRelease", runs, check.build(),
                    settings.serverVersion().label()));
        }
        return Optional.of(Message.of("exchange.test.release", runs, check.build()));
    }

    /** What "Test connection" found, sentence by sentence, in words for an administrator. */
    public record ConnectionTest(boolean ok, List<Message> findings) {

        public String message(Locale locale) {
            return findings.stream().map(finding -> finding.in(locale)).collect(Collectors.joining(" "));
        }
    }
}
