package org.calsync.application;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.RemoteCalendar;
import org.calsync.domain.model.calendar.SecretCipher;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.ExchangeAuthMode;
import org.calsync.domain.model.tenant.ExchangeServerVersion;
import org.calsync.domain.model.tenant.ExchangeSettings;
import org.calsync.domain.model.tenant.ExchangeSettingsRepository;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.InvalidInputException;

/** A tenant's Exchange set-up: the settings, and "Test connection", which says in plain words what failed. */
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
    private CalendarProviders providers;

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
        if (fresh) {
            repository.add(settings);
        }
        LOG.info(() -> "tenant=" + tenantId + " Exchange settings saved");
        return settings;
    }

    /**
     * Signs in with the saved settings and, in impersonation mode, acts for the given mailbox: checks the
     * address, the credentials and the impersonation right in one call to the mailbox's calendar.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
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
        try {
            List<RemoteCalendar> calendars = providers.forType(CalendarProviderType.EXCHANGE)
                    .listCalendars(connections.serviceAccount(settings, ZoneOffset.UTC, mailbox.strip()));
            return new ConnectionTest(true, "Connected to " + settings.ewsUrl() + " as " + settings.serviceUsername()
                    + " and opened the calendar of " + mailbox.strip() + " (\"" + calendars.get(0).displayName() + "\").");
        } catch (AuthorisationLostException e) {
            return new ConnectionTest(false, e.getMessage());
        } catch (ProviderUnavailableException e) {
            return new ConnectionTest(false, "CalSync could not talk to Exchange at " + settings.ewsUrl() + ": "
                    + e.getMessage());
        }
    }

    /** What "Test connection" found, in words for an administrator. */
    public record ConnectionTest(boolean ok, String message) {
    }
}
