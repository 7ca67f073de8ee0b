package org.calsync.application.watch;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.connection.CalendarProviders;
import org.calsync.application.shared.PublicAddress;
import org.calsync.domain.model.calendar.CalendarProvider;
import org.calsync.domain.model.calendar.ChangeWatch;
import org.calsync.domain.model.calendar.ChangeWatchRepository;
import org.calsync.domain.model.calendar.WatchGrant;
import org.calsync.domain.model.calendar.WatchRequest;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.OAuthRegistrationRepository;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.model.tenant.TenantRepository;
import org.calsync.domain.shared.ConcurrentChanges;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the watches of tenants that want them: every calendar that pulls is watched, watches are renewed
 * well before they expire, and those no longer wanted are stopped. A failure stays in the console and is
 * tried again at the next upkeep; the hourly pull goes on regardless, so nothing is lost meanwhile.
 */
@ApplicationScoped
public class ChangeWatches {

    private static final Logger LOG = Logger.getLogger(ChangeWatches.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private WatchLedger ledger;

    @Inject
    private CalendarProviders providers;

    @Inject
    private PublicAddress address;

    @Inject
    private TenantRepository tenants;

    @Inject
    private ChangeWatchRepository watches;

    @Inject
    private OAuthRegistrationRepository registrations;

    /** How long a watch is asked for; providers may grant less (Graph: under three days). */
    @Inject
    @ConfigProperty(name = "calsync.watch.lifetime", defaultValue = "P7D")
    Duration lifetime;

    /** A watch with less than this left is renewed; several upkeeps fall in this time, should one fail. */
    @Inject
    @ConfigProperty(name = "calsync.watch.renew-before", defaultValue = "PT24H")
    Duration renewBefore;

    /** Where a provider's calls for its watches arrive. */
    public String callbackAddress(CalendarProviderType provider) {
        return address.link("/api/v1/notifications/" + providers.traitsOf(provider).notificationRoute());
    }

    /** Every tenant's watches, for the scheduled upkeep. */
    public void upkeepAll() {
        for (TenantId tenantId : tenantIds()) {
            try {
                upkeep(tenantId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "tenant=" + tenantId + " watch upkeep failed; the next one tries again", e);
            }
        }
    }

    private List<TenantId> tenantIds() {
        return tenants.all().stream().map(Tenant::id).toList();
    }

    /** One tenant's watches; each step's failure is noted and the others go on. */
    public void upkeep(TenantId tenantId) {
        WatchLedger.Plan plan = ledger.plan(tenantId, Instant.now(), renewBefore);
        // Every provider wanted or worked on gets its console line renewed: the failures, or none.
        Set<CalendarProviderType> noted = EnumSet.noneOf(CalendarProviderType.class);
        noted.addAll(plan.wanted());
        Map<CalendarProviderType, List<String>> failures = new EnumMap<>(CalendarProviderType.class);
        for (WatchLedger.Step step : plan.steps()) {
            noted.add(step.provider());
            String failure = take(tenantId, step);
            if (failure != null) {
                failures.computeIfAbsent(step.provider(), p -> new ArrayList<>()).add(failure);
            }
        }
        for (CalendarProviderType provider : noted) {
            List<String> failed = failures.get(provider);
            ledger.noteProblem(tenantId, provider, failed == null ? null : String.join(" ", failed));
        }
    }

    /** Renews one watch at once: the provider said it will stop calling otherwise. */
    public void renewNow(TenantId tenantId, String watchId) {
        ledger.renewal(tenantId, watchId).ifPresent(step -> take(tenantId, step));
    }

    /** Takes one step; returns what went wrong, for the console, or null. */
    private String take(TenantId tenantId, WatchLedger.Step step) {
        String what = step.kind() == WatchLedger.Kind.WATCH ? "Watching" : step.kind() == WatchLedger.Kind.RENEW
                ? "Renewing the watch on" : "Stopping the watch on";
        String calendar = step.calendarName() == null ? "a removed calendar" : "\"" + step.calendarName() + "\"";
        if (step.connection() == null && step.kind() != WatchLedger.Kind.STOP) {
            return fail(tenantId, step, what + " " + calendar + " failed: " + step.problem());
        }
        CalendarProvider provider = providers.forType(step.provider());
        try {
            switch (step.kind()) {
                case WATCH -> {
                    String secret = newSecret();
                    WatchGrant grant = provider.watch(step.connection(), step.remoteCalendarId(), request(step, secret));
                    if (!recordedFirst(tenantId, step, secret, grant)) {
                        provider.unwatch(step.connection(), grant);
                    }
                }
                case RENEW -> {
                    ChangeWatch watch = step.watch();
                    ledger.renewed(tenantId, watch.id(), provider.renew(step.connection(), step.remoteCalendarId(),
                            watch.grant(), request(step, ledger.secretOf(watch))));
                }
                case STOP -> {
                    if (step.connection() != null) {
                        provider.unwatch(step.connection(), step.watch().grant());
                    }
                    ledger.forget(tenantId, step.watch().id());
                }
            }
            return null;
        } catch (RuntimeException e) {
            if (step.kind() == WatchLedger.Kind.STOP) {
                // The provider's watch expires by itself; CalSync stops listening to it now.
                ledger.forget(tenantId, step.watch().id());
                return null;
            }
            return fail(tenantId, step, what + " " + calendar + " failed: " + e.getMessage());
        }
    }

    /**
     * Records the new watch, unless the calendar went or is watched already: another instance's upkeep may have
     * watched it at the same moment, and its record (one per calendar) wins.
     */
    private boolean recordedFirst(TenantId tenantId, WatchLedger.Step step, String secret, WatchGrant grant) {
        try {
            return ledger.watched(tenantId, step, secret, grant);
        } catch (RuntimeException e) {
            if (ConcurrentChanges.isConcurrentChange(e)) {
                return false;
            }
            throw e;
        }
    }

    private String fail(TenantId tenantId, WatchLedger.Step step, String message) {
        LOG.warning(() -> "tenant=" + tenantId + " account=" + step.accountId() + " " + message);
        if (step.kind() == WatchLedger.Kind.RENEW) {
            ledger.renewalFailed(tenantId, step.watch().id(), message);
        }
        return message;
    }

    private WatchRequest request(WatchLedger.Step step, String secret) {
        return new WatchRequest(callbackAddress(step.provider()), secret, Instant.now().plus(lifetime));
    }

    /** Graph's clientState allows 128 characters, Google's token 256: 43 random URL-safe ones fit both. */
    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** How a tenant's watches on one provider stand, for the console. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WatchStatus status(TenantId tenantId, CalendarProviderType provider) {
        List<ChangeWatch> ofProvider = watches.listForTenant(tenantId).stream().filter(w -> w.provider() == provider)
                .toList();
        Instant lastNotifiedAt = ofProvider.stream().map(ChangeWatch::lastNotifiedAt).filter(at -> at != null)
                .max(Instant::compareTo).orElse(null);
        String problem = registrations.find(tenantId, provider).map(r -> r.watchProblem()).orElse(null);
        return new WatchStatus(ofProvider.size(), lastNotifiedAt, problem, callbackAddress(provider));
    }

    /** A tenant's choice of calendars changed; observed after it commits, to bring the watches in line. */
    public record CalendarsChanged(TenantId tenantId) {
    }

    /**
     * @param watched     calendars with a live watch
     * @param lastNotifiedAt    when the provider last notified CalSync; null before the first
     * @param problem     what the last upkeep could not do; null when all went well
     * @param address     where the provider calls
     */
    public record WatchStatus(int watched, Instant lastNotifiedAt, String problem, String address) {
    }
}
