package org.calsync.application.linking;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.CalendarOwnerLock;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.tenant.TenantId;

/**
 * <em>Remove all my calendars</em>: every account a person linked is removed as a single removal does (the events
 * CalSync wrote deleted first, under the owner's lock), one after another. An account whose server cannot be
 * reached now stays (with the events not yet deleted, its status saying why) and the outcome names it; the others are
 * removed all the same.
 */
@ApplicationScoped
public class AllCalendarsRemoval {

    private static final Logger LOG = Logger.getLogger(AllCalendarsRemoval.class.getName());

    @Inject
    private CalendarLinking linking;

    @Inject
    private AccountRemoval removal;

    /** What removing them all would take, for the confirmation. */
    public record Scope(int accounts, int events) {
    }

    /**
     * @param removedAccounts the accounts removed
     * @param deletedEvents   the events deleted from them
     * @param notDeletable    events left because an account's access was revoked (only its owner can delete them)
     * @param kept            accounts that stay because their server could not be reached, each with why
     */
    public record Outcome(int removedAccounts, int deletedEvents, int notDeletable, List<Kept> kept) {
    }

    /** An account that stays; its status says why too. */
    public record Kept(String accountId, String reason) {
    }

    /** One transaction: the accounts are read, and their events counted, by the same persistence context. */
    @Transactional
    public Scope scope(TenantId tenantId, String personId) {
        List<CalendarAccount> accounts = linking.accountsOf(tenantId, personId);
        return new Scope(accounts.size(), accounts.stream().mapToInt(a -> removal.writtenEvents(tenantId, a)).sum());
    }

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Outcome removeAll(TenantId tenantId, String personId) {
        int removed = 0;
        int deleted = 0;
        int notDeletable = 0;
        List<Kept> kept = new ArrayList<>();
        for (CalendarAccount account : linking.accountsOf(tenantId, personId)) {
            try {
                CalendarLinking.Removal done = linking.remove(tenantId, account.id());
                removed++;
                deleted += done.deletedEvents();
                notDeletable += done.notDeletable();
            } catch (ProviderUnavailableException | CalendarOwnerLock.CalendarOwnerBusyException notNow) {
                kept.add(new Kept(account.id(), notNow.getMessage()));
            }
        }
        int accounts = removed;
        LOG.info(() -> "tenant=" + tenantId + " person=" + personId + " removed all " + accounts + " calendar accounts; "
                + kept.size() + " kept");
        return new Outcome(removed, deleted, notDeletable, List.copyOf(kept));
    }
}
