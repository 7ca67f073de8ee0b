package org.calsync.application.linking;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.connection.CalendarProviders;
import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.calendar.CalendarOwnerLock;
import org.calsync.domain.model.calendar.CalendarProvider;
import org.calsync.domain.model.calendar.EventLinkRepository;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.person.Permission;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.tenant.IntegrationSettings;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.model.tenant.TenantRepository;

/**
 * The organisation's rules that pause syncing (calendar integration off, a kind of calendar no longer allowed, a
 * role without the calendar-integration permission) as they change: what a change would pause, calendars that are
 * allowed again getting their upcoming sessions, and, when the admin chooses, the events CalSync wrote in the
 * calendars it pauses deleted once the change is committed. Paused accounts stay linked.
 */
@ApplicationScoped
public class SyncPauses {

    private static final Logger LOG = Logger.getLogger(SyncPauses.class.getName());

    @Inject
    private TenantRepository tenants;

    @Inject
    private PersonRepository people;

    @Inject
    private CalendarAccountRepository accounts;

    @Inject
    private EventLinkRepository links;

    @Inject
    private CalendarLinking linking;

    @Inject
    private AccountRemoval removal;

    @Inject
    private CalendarOwnerLock ownerLock;

    @Inject
    private CalendarProviders providers;

    @Inject
    private Event<Paused> paused;

    /** How many calendars a change pauses, of how many people, and how many events CalSync wrote in them. */
    public record Impact(int accounts, int people, int writtenEvents) {
    }

    /** Accounts a committed change paused, whose events the admin chose to delete. */
    public record Paused(TenantId tenantId, List<String> accountIds) {
    }

    /** The tenant's accounts its rules let sync now, by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> allowedAccounts(TenantId tenantId) {
        return allowedBy(tenantId, tenants.find(tenantId).orElseThrow().settings());
    }

    /** Whether the organisation's rules pause this account now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean paused(TenantId tenantId, CalendarAccount account) {
        IntegrationSettings settings = tenants.find(tenantId).orElseThrow().settings();
        return people.find(tenantId, account.personId()).map(owner -> !account.syncAllowedBy(settings, owner)).orElse(false);
    }

    /** What applying these settings would pause, for the admin's confirmation. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Impact impactOf(TenantId tenantId, IntegrationSettings proposed) {
        return impact(tenantId, (account, owner) -> account.syncAllowedBy(proposed, owner));
    }

    /** What giving a role these permissions would pause: its people's calendars, if it no longer links calendars. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Impact impactOfRole(TenantId tenantId, String roleId, Set<Permission> permissions) {
        IntegrationSettings settings = tenants.find(tenantId).orElseThrow().settings();
        return impact(tenantId, (account, owner) -> settings.allows(account.provider()) && owner.roles().stream()
                .anyMatch(role -> role.id().equals(roleId) ? permissions.contains(Permission.CALENDAR_INTEGRATION)
                        : role.grants(Permission.CALENDAR_INTEGRATION)));
    }

    private Impact impact(TenantId tenantId, BiPredicate<CalendarAccount, Person> allowedThen) {
        Set<String> allowedNow = allowedAccounts(tenantId);
        List<CalendarAccount> pausedThen = accounts.listForTenant(tenantId).stream()
                .filter(account -> allowedNow.contains(account.id()) && people.find(tenantId, account.personId())
                        .map(owner -> !allowedThen.test(account, owner)).orElse(false)).toList();
        int written = pausedThen.stream().flatMap(account -> account.calendars().stream())
                .mapToInt(calendar -> links.inCalendar(tenantId, calendar.id()).size()).sum();
        int owners = (int) pausedThen.stream().map(CalendarAccount::personId).distinct().count();
        return new Impact(pausedThen.size(), owners, written);
    }

    /**
     * After the settings or a role changed, in the same transaction: accounts allowed again get their upcoming
     * sessions at once; accounts now paused have their written events deleted after commit when the admin chose
     * so. Returns the ids of the accounts the change paused.
     */
    @Transactional
    public List<String> applyChange(TenantId tenantId, Set<String> allowedBefore, boolean removeWrittenEvents) {
        Tenant tenant = tenants.find(tenantId).orElseThrow();
        Set<String> allowedNow = allowedAccounts(tenantId);
        List<String> pausedNow = new ArrayList<>();
        Set<Person> resumed = new LinkedHashSet<>();
        for (CalendarAccount account : accounts.listForTenant(tenantId)) {
            boolean before = allowedBefore.contains(account.id());
            boolean now = allowedNow.contains(account.id());
            if (before && !now) {
                pausedNow.add(account.id());
            } else if (!before && now) {
                people.find(tenantId, account.personId()).ifPresent(resumed::add);
            }
        }
        resumed.forEach(owner -> linking.calendarsChanged(tenant, owner));
        if (removeWrittenEvents && !pausedNow.isEmpty()) {
            paused.fire(new Paused(tenantId, pausedNow));
        }
        LOG.info(() -> "tenant=" + tenantId + " rules changed: " + pausedNow.size() + " accounts paused, "
                + resumed.size() + " people resumed");
        return pausedNow;
    }

    /** Once the change is committed, so that no push reads the old rules and writes behind the deletions. */
    void removeWrittenEvents(@Observes(during = TransactionPhase.AFTER_SUCCESS) Paused change) {
        change.accountIds().forEach(accountId -> clear(change.tenantId(), accountId));
    }

    private void clear(TenantId tenantId, String accountId) {
        // No push or pull of the owner's calendars, on any instance, runs while the events are deleted.
        accounts.find(tenantId, accountId).map(CalendarAccount::personId).ifPresent(owner -> ownerLock.exclusively(owner,
                () -> {
                    clearNow(tenantId, accountId);
                    return null;
                }));
    }

    private void clearNow(TenantId tenantId, String accountId) {
        AccountRemoval.Plan plan = removal.clearing(tenantId, accountId);
        CalendarProvider provider = providers.forType(plan.provider());
        List<AccountRemoval.Deletion> deleted = new ArrayList<>();
        try {
            for (AccountRemoval.Deletion deletion : plan.deletions()) {
                try {
                    provider.delete(plan.connection(), deletion.calendarRemoteId(), deletion.remoteId(), null);
                } catch (AuthorisationLostException revoked) {
                    // Only its owner can delete it now; it is forgotten like the rest, as removing an account does.
                }
                deleted.add(deletion);
            }
        } catch (ProviderUnavailableException unreachable) {
            LOG.warning(() -> "tenant=" + tenantId + " account=" + accountId + " paused; its events could not all be "
                    + "deleted: " + unreachable.getMessage());
        }
        removal.forgetDeleted(tenantId, accountId, deleted);
        LOG.info(() -> "tenant=" + tenantId + " account=" + accountId + " paused; " + deleted.size()
                + " events CalSync wrote were deleted");
    }

    private Set<String> allowedBy(TenantId tenantId, IntegrationSettings settings) {
        Set<String> allowed = new LinkedHashSet<>();
        for (CalendarAccount account : accounts.listForTenant(tenantId)) {
            people.find(tenantId, account.personId()).filter(owner -> account.syncAllowedBy(settings, owner))
                    .ifPresent(owner -> allowed.add(account.id()));
        }
        return allowed;
    }
}
