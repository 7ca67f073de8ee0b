package org.calsync.interfaces.facade;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.application.setup.ExchangeSetup;
import org.calsync.application.watch.ChangeStreaming;
import org.calsync.domain.model.sync.ChangeStreamLeases;
import org.calsync.domain.model.sync.ChangeStreamLeases.Mode;
import org.calsync.domain.model.tenant.ExchangeAuthMode;
import org.calsync.domain.model.tenant.ExchangeServerVersion;
import org.calsync.domain.model.tenant.ExchangeSettings;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.interfaces.facade.dto.ConnectionTestView;
import org.calsync.interfaces.facade.dto.ChangeStreamStatusView;
import org.calsync.interfaces.facade.dto.ExchangeSettingsView;
import org.calsync.interfaces.facade.dto.ServerThrottleView;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The tenant's on-premise Exchange set-up, for the console and the API. */
@ApplicationScoped
public class ExchangeFacade {

    @Inject
    private ExchangeSetup setup;

    @Inject
    private ChangeStreaming streaming;

    /** The EWS adapter's pace for pull subscriptions, which the console states. */
    @Inject
    @ConfigProperty(name = "calsync.ews.pull-subscription-interval", defaultValue = "PT30S")
    Duration pullSubscriptionInterval;

    public ExchangeSettingsView settings(String tenantId) {
        return setup.settings(new TenantId(tenantId)).map(ExchangeFacade::view)
                .orElse(new ExchangeSettingsView(false, null, null, null, ExchangeServerVersion.EXCHANGE_2016.name(),
                        ExchangeAuthMode.SERVICE_ACCOUNT_IMPERSONATION.name(), ExchangeSettings.AuthScheme.NTLM.name(),
                        null, false, null, true));
    }

    /** SERVICE_ACCOUNT_IMPERSONATION or PER_USER, or null while the organisation has not set Exchange up. */
    public String mode(String tenantId) {
        return setup.settings(new TenantId(tenantId)).map(settings -> settings.authMode().name()).orElse(null);
    }

    /** Saves the settings; a blank {@code servicePassword} keeps the stored one. */
    public ExchangeSettingsView configure(String tenantId, ExchangeSettingsView form, String servicePassword) {
        return view(setup.configure(new TenantId(tenantId), form.ewsUrl(), form.autodiscoverEmail(),
                EnumInput.parse(ExchangeServerVersion.class, form.serverVersion(), "serverVersion"),
                EnumInput.parse(ExchangeAuthMode.class, form.authMode(), "authMode"),
                EnumInput.parse(ExchangeSettings.AuthScheme.class, form.authScheme(), "authScheme"),
                form.serviceUsername(), servicePassword, form.trustedCertificates(), form.streamChanges()));
    }

    /** How the tenant's Exchange calendars tell CalSync of their changes, across every instance. */
    public ChangeStreamStatusView streamStatus(String tenantId) {
        TenantId tenant = new TenantId(tenantId);
        boolean on = setup.settings(tenant).map(ExchangeSettings::streamChanges).orElse(false);
        ChangeStreamLeases.StreamSummary summary = streaming.summary(tenant);
        return new ChangeStreamStatusView(on, summary.byMode().getOrDefault(Mode.STREAMING, 0),
                summary.byMode().getOrDefault(Mode.PULL_SUBSCRIBED, 0), pullSubscriptionInterval.toSeconds(),
                summary.byMode().getOrDefault(Mode.POLLING, 0), summary.byMode().getOrDefault(Mode.WAITING, 0),
                summary.lastNotifiedAt(), summary.problem());
    }

    /** When the tenant's Exchange server last throttled CalSync, and for how long. */
    public ServerThrottleView throttling(String tenantId) {
        return setup.lastThrottle(new TenantId(tenantId))
                .map(pause -> new ServerThrottleView(pause.server(), pause.askedAt(), pause.length().toMillis()))
                .orElse(new ServerThrottleView(null, null, 0));
    }

    /** The findings in the reader's language. */
    public ConnectionTestView test(String tenantId, String mailbox, Locale language) {
        ExchangeSetup.ConnectionTest result = setup.test(new TenantId(tenantId), mailbox);
        return new ConnectionTestView(result.ok(), result.message(language));
    }

    /** Version names keyed by label, for option lists. */
    public Map<String, String> versions() {
        return EnumInput.labels(List.of(ExchangeServerVersion.values()), ExchangeServerVersion::label);
    }

    /** Pages word them in their own language. */
    public List<String> authModeNames() {
        return Arrays.stream(ExchangeAuthMode.values()).map(Enum::name).toList();
    }

    static ExchangeSettingsView view(ExchangeSettings settings) {
        String discovered = settings.usesDiscoveredUrl() ? settings.effectiveEwsUrl().orElseThrow() : null;
        return new ExchangeSettingsView(true, settings.ewsUrl(), settings.autodiscoverEmail(), discovered,
                settings.serverVersion().name(), settings.authMode().name(), settings.authScheme().name(),
                settings.serviceUsername(), settings.hasServiceSecret(), settings.trustedCertificates(),
                settings.streamChanges());
    }
}
