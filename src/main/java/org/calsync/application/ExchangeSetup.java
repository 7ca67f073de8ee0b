package org.calsync.application;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.SecretCipher;
import org.calsync.domain.model.tenant.ExchangeAuthMode;
import org.calsync.domain.model.tenant.ExchangeServerVersion;
import org.calsync.domain.model.tenant.ExchangeSettings;
import org.calsync.domain.model.tenant.ExchangeSettingsRepository;
import org.calsync.domain.model.tenant.ExchangeServices;
import org.calsync.domain.model.tenant.ExchangeServices.ServerCheck;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.InvalidInputException;

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

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ExchangeSettings> settings(TenantId tenantId) {
        return repository.find(tenantId);
    }

    /** Saves the settings; a blank password keeps the stored one. */
    public ExchangeSettings configure(TenantId tenantId, String ewsUrl, String autodiscoverEmail,
            ExchangeServerVersion version, ExchangeAuthMode mode, ExchangeSettings.AuthScheme scheme,
            String serviceUsername, String servicePassword, String trustedCertificates) {
        ExchangeSettings settings = repository.find(tenantId).orElse(null);
        boolean fresh = settings == null;
        if (fresh) {
            settings = new ExchangeSettings(tenantId);
        }
        String newSecret = servicePassword == null || servicePassword.isEmpty() ? null : cipher.encrypt(servicePassword);
        settings.change(ewsUrl, autodiscoverEmail, version, mode, scheme, serviceUsername, newSecret, trustedCertificates);
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
    void discoverIfNeeded(ExchangeSettings settings, String mailbox, String username, String password, String field) {
        if (settings.needsAutodiscover()) {
            settings.discovered(discover(settings, mailbox, username, password, field).toString());
        }
    }

    private URI discover(ExchangeSettings settings, String mailbox, String username, String password, String field) {
        try {
            return services.discoverEwsUrl(mailbox, username, password, AccountConnections.options(settings));
        } catch (AuthorisationLostException | ProviderUnavailableException e) {
            throw new InvalidInputException(field, e.getMessage());
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
                .orElseThrow(() -> new InvalidInputException("ewsUrl", "Save the Exchange settings first."));
        if (settings.usesServiceAccount() && (mailbox == null || !mailbox.contains("@"))) {
            throw new InvalidInputException("mailbox", "Enter the email address of a mailbox the service account should reach.");
        }
        if (!settings.usesServiceAccount()) {
            return new ConnectionTest(false, "In per-user mode each person signs in from the portal; CalSync has no "
                    + "account of its own to test with. Ask one person to link their calendar.");
        }
        StringBuilder found = new StringBuilder();
        if (settings.ewsUrl() == null) {
            try {
                URI discovered = discover(settings, mailbox.strip(), settings.serviceUsername(),
                        connections.serviceSecret(settings), "mailbox");
                settings.discovered(discovered.toString());
                found.append("Autodiscover found the EWS address ").append(discovered).append(". ");
            } catch (InvalidInputException e) {
                return new ConnectionTest(false, e.errors().get(0).message());
            }
        }
        String address = settings.effectiveEwsUrl().orElseThrow();
        try {
            ServerCheck check = services.check(connections.serviceAccount(settings, ZoneOffset.UTC, mailbox.strip()));
            found.append("Connected to ").append(address).append(" as ").append(settings.serviceUsername())
                    .append(" and opened the calendar of ").append(mailbox.strip()).append(" (\"")
                    .append(check.calendarName()).append("\").");
            return new ConnectionTest(true, found + release(settings, check));
        } catch (AuthorisationLostException e) {
            return new ConnectionTest(false, found + e.getMessage());
        } catch (ProviderUnavailableException e) {
            return new ConnectionTest(false, found + "CalSync could not talk to Exchange at " + address + ": "
                    + e.getMessage());
        }
    }

    private static String release(ExchangeSettings settings, ServerCheck check) {
        if (check.build() == null) {
            return "";
        }
        String runs = " The server runs " + check.release().map(ExchangeServerVersion::label).orElse("Exchange")
                + " (" + check.build() + ")";
        if (check.release().isPresent() && check.release().get() != settings.serverVersion()) {
            return runs + ", not " + settings.serverVersion().label() + " as chosen: choose "
                    + check.release().get().label() + " under Server version.";
        }
        return runs + ".";
    }

    /** What "Test connection" found, in words for an administrator. */
    public record ConnectionTest(boolean ok, String message) {
    }
}
