package org.calsync.application.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.connection.AccountConnections;
import org.calsync.application.connection.CalendarProviders;
import org.calsync.domain.model.calendar.AccountStatus;
import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.calendar.ChangeWatch;
import org.calsync.domain.model.calendar.ChangeWatchRepository;
import org.calsync.domain.model.calendar.ExternalCalendar;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderTraits;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.SecretCipher;
import org.calsync.domain.model.calendar.WatchGrant;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.OAuthRegistration;
import org.calsync.domain.model.tenant.OAuthRegistrationRepository;
import org.calsync.domain.model.tenant.TenantId;

/**
 * The database ends of keeping watches alive, each a short transaction of its own, so that no connection
 * waits while a provider answers: what there is to do, then what came of each step.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class WatchLedger {

    @Inject
    private ChangeWatchRepository watches;

    @Inject
    private CalendarAccountRepository accounts;

    @Inject
    private PersonRepository people;

    @Inject
    private OAuthRegistrationRepository registrations;

    @Inject
    private AccountConnections connections;

    @Inject
    private CalendarProviders providers;

    @Inject
    private SecretCipher cipher;

    /** What one upkeep step does to one calendar's watch. */
    public enum Kind { WATCH, RENEW, STOP }

    /**
     * One step, with the connection to make it with; a null connection with a {@code problem} means the
     * account could not be reached, and a STOP without a connection only forgets the watch.
     */
    public record Step(Kind kind, CalendarProviderType provider, String accountId, String calendarId,
            String remoteCalendarId, String calendarName, ChangeWatch watch, ProviderConnection connection,
            String problem) {
    }

    /** Whether the tenant turned on watches for this kind, whose provider can notify. */
    private boolean wanted(TenantId tenantId, ProviderTraits traits) {
        return traits.watchesChanges()
                && registrations.find(tenantId, traits.type()).map(OAuthRegistration::watchChanges).orElse(false);
    }

    /** Kinds that can call back on changes; accounts of the others are only pulled and never watched. */
    private Set<CalendarProviderType> watchable() {
        Set<CalendarProviderType> kinds = EnumSet.noneOf(CalendarProviderType.class);
        providers.allTraits().stream().filter(ProviderTraits::watchesChanges).forEach(t -> kinds.add(t.type()));
        return kinds;
    }

    /** The providers the tenant wants watched, and every step its watches need. */
    public record Plan(Set<CalendarProviderType> wanted, List<Step> steps) {
    }

    /**
     * Every step the tenant's watches need: calendars that pull get one, watches due for renewal are renewed,
     * and the others stop (watching turned off, a calendar no longer synced, an account that needs reconnecting).
     */
    public Plan plan(TenantId tenantId, Instant now, Duration renewBefore) {
        Set<CalendarProviderType> wanted = EnumSet.noneOf(CalendarProviderType.class);
        providers.allTraits().stream().filter(traits -> wanted(tenantId, traits)).forEach(t -> wanted.add(t.type()));
        Map<String, ChangeWatch> existing = new HashMap<>();
        watches.listForTenant(tenantId).forEach(watch -> existing.put(watch.calendarId(), watch));
        List<Step> steps = new ArrayList<>();
        if (wanted.isEmpty() && existing.isEmpty()) {
            return new Plan(wanted, steps); // most installations: no watches, nothing to read
        }
        Set<CalendarProviderType> watchable = watchable();
        for (CalendarAccount account : accounts.listForTenant(tenantId)) {
            if (!watchable.contains(account.provider())) {
                continue;
            }
            boolean reachable = !account.beingRemoved() && account.status() != AccountStatus.NEEDS_RECONSENT;
            boolean usable = reachable && wanted.contains(account.provider());
            Reach reach = new Reach(account);
            for (ExternalCalendar calendar : account.calendars()) {
                ChangeWatch watch = existing.remove(calendar.id());
                boolean pulled = usable && calendar.pulled();
                Kind kind = pulled && watch == null ? Kind.WATCH
                        : pulled && watch.renewalDue(now, renewBefore) ? Kind.RENEW
                        : !pulled && watch != null ? Kind.STOP : null;
                if (kind != null) {
                    // A watch on an account that cannot be reached is only forgotten: it expires by itself.
                    steps.add(new Step(kind, account.provider(), account.id(), calendar.id(), calendar.remoteId(),
                            calendar.displayName(), watch, reachable ? reach.connection() : null, reach.problem));
                }
            }
        }
        existing.values().forEach(orphan -> steps.add(new Step(Kind.STOP, orphan.provider(), orphan.accountId(),
                orphan.calendarId(), null, null, orphan, null, null)));
        return new Plan(wanted, steps);
    }

    /** One watch's renewal, now (the provider asked for it). */
    public Optional<Step> renewal(TenantId tenantId, String watchId) {
        return watches.find(tenantId, watchId).flatMap(watch -> accounts.find(tenantId, watch.accountId()).flatMap(account -> account
                        .calendar(watch.calendarId()).map(calendar -> {
                            Reach reach = new Reach(account);
                            return new Step(Kind.RENEW, account.provider(), account.id(), calendar.id(),
                                    calendar.remoteId(), calendar.displayName(), watch, reach.connection(), reach.problem);
                        })));
    }

    /** The connection to an account, made once and only when a step needs it; a failure becomes the problem. */
    private final class Reach {
        private final CalendarAccount account;
        private ProviderConnection connection;
        private String problem;
        private boolean tried;

        Reach(CalendarAccount account) {
            this.account = account;
        }

        ProviderConnection connection() {
            if (!tried) {
                tried = true;
                try {
                    connection = connections.of(account, people.find(account.tenantId(), account.personId())
                            .orElseThrow().timeZone());
                } catch (ProviderUnavailableException | AuthorisationLostException e) {
                    problem = e.getMessage();
                }
            }
            return connection;
        }
    }

    /**
     * Records a new watch; false when the calendar went meanwhile (or another upkeep watched it first), and
     * the provider's watch must be stopped again.
     */
    public boolean watched(TenantId tenantId, Step step, String secret, WatchGrant grant) {
        boolean calendarStays = accounts.find(tenantId, step.accountId()).flatMap(a -> a.calendar(step.calendarId()))
                .isPresent();
        boolean alreadyWatched = watches.listForAccount(tenantId, step.accountId()).stream()
                .anyMatch(w -> w.calendarId().equals(step.calendarId()));
        if (!calendarStays || alreadyWatched) {
            return false;
        }
        watches.add(new ChangeWatch(tenantId, step.accountId(), step.calendarId(), step.provider(),
                cipher.encrypt(secret), grant, Instant.now()));
        return true;
    }

    public void renewed(TenantId tenantId, String watchId, WatchGrant grant) {
        watches.find(tenantId, watchId).ifPresent(watch -> watch.renewed(grant));
    }

    public void renewalFailed(TenantId tenantId, String watchId, String reason) {
        watches.find(tenantId, watchId).ifPresent(watch -> watch.renewalFailed(reason));
    }

    public void forget(TenantId tenantId, String watchId) {
        watches.find(tenantId, watchId).ifPresent(watches::remove);
    }

    /** The secret a watch's calls carry, to renew it with. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String secretOf(ChangeWatch watch) {
        return cipher.decrypt(watch.secretCipher());
    }

    /** What the upkeep could not do for this provider, shown in the console; null clears it. */
    public void noteProblem(TenantId tenantId, CalendarProviderType provider, String problem) {
        registrations.find(tenantId, provider).ifPresent(registration -> registration.noteWatchProblem(problem));
    }
}
