package org.calsync.application.linking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.connection.AccountConnections;
import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.calendar.ChangeWatch;
import org.calsync.domain.model.calendar.ChangeWatchRepository;
import org.calsync.domain.model.calendar.EventLink;
import org.calsync.domain.model.calendar.EventLinkRepository;
import org.calsync.domain.model.calendar.ExternalCalendar;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.WatchGrant;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.UnknownEntityException;

/**
 * The database ends of removing an account, each a short transaction: marking it as being removed, which
 * stops new writes so that the list of events to delete is final; then forgetting it; or, when the server
 * could not be reached, putting it back. The deletes themselves happen in between, outside any transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class AccountRemoval {

    @Inject
    private CalendarAccountRepository accounts;

    @Inject
    private EventLinkRepository links;

    @Inject
    private PersonRepository people;

    @Inject
    private AccountConnections connections;

    @Inject
    private ChangeWatchRepository watches;

    public Plan begin(TenantId tenantId, String accountId) {
        CalendarAccount account = accounts.find(tenantId, accountId)
                .orElseThrow(() -> new UnknownEntityException("calendar account", accountId));
        account.beginRemoval();
        List<WatchGrant> watched = watches.listForAccount(tenantId, accountId).stream().map(ChangeWatch::grant).toList();
        return new Plan(account.provider(), connectionTo(tenantId, account), deletionsIn(tenantId, account), watched);
    }

    /**
     * What CalSync wrote in an account that stays: one the organisation's rules pause, whose events the admin
     * chose to delete. Unlike {@link #begin} nothing is marked; the pause already stops new writes.
     */
    public Plan clearing(TenantId tenantId, String accountId) {
        CalendarAccount account = accounts.find(tenantId, accountId)
                .orElseThrow(() -> new UnknownEntityException("calendar account", accountId));
        return new Plan(account.provider(), connectionTo(tenantId, account), deletionsIn(tenantId, account), List.of());
    }

    /** Forgets the links of events deleted from an account that stays, so that resuming writes them anew. */
    public void forgetDeleted(TenantId tenantId, String accountId, Collection<Deletion> deleted) {
        accounts.find(tenantId, accountId).ifPresent(account -> {
            for (ExternalCalendar calendar : account.calendars()) {
                links.inCalendar(tenantId, calendar.id()).stream()
                        .filter(link -> deleted.contains(new Deletion(calendar.remoteId(), link.remoteId())))
                        .forEach(links::remove);
            }
        });
    }

    /**
     * Events recorded while the removal began: a push that read the account just before it was marked wrote
     * its link just after the list was made. Pushes that start later see the mark, so these run out.
     */
    public List<Deletion> lateArrivals(TenantId tenantId, String accountId, Collection<Deletion> handled) {
        return accounts.find(tenantId, accountId).map(account -> deletionsIn(tenantId, account).stream()
                .filter(deletion -> !handled.contains(deletion)).toList()).orElse(List.of());
    }

    /**
     * How many events CalSync wrote in the account's calendars: what removing it would delete. A read in the
     * caller's transaction, which loaded the account.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int writtenEvents(TenantId tenantId, CalendarAccount account) {
        return deletionsIn(tenantId, account).size();
    }

    /** Every event CalSync wrote in the account's calendars, as the deletes it would take. */
    private List<Deletion> deletionsIn(TenantId tenantId, CalendarAccount account) {
        List<Deletion> deletions = new ArrayList<>();
        for (ExternalCalendar calendar : account.calendars()) {
            for (EventLink link : links.inCalendar(tenantId, calendar.id())) {
                deletions.add(new Deletion(calendar.remoteId(), link.remoteId()));
            }
        }
        return deletions;
    }

    private ProviderConnection connectionTo(TenantId tenantId, CalendarAccount account) {
        return connections.of(account, people.find(tenantId, account.personId()).orElseThrow().timeZone());
    }

    /** Forgets the account, its calendars, links, watches and secret. */
    public void finish(TenantId tenantId, String accountId) {
        watches.listForAccount(tenantId, accountId).forEach(watches::remove);
        accounts.find(tenantId, accountId).ifPresent(account -> {
            account.calendars().forEach(calendar -> links.inCalendar(tenantId, calendar.id()).forEach(links::remove));
            accounts.remove(account);
        });
    }

    public void stop(TenantId tenantId, String accountId, FailureKind kind, String reason) {
        accounts.find(tenantId, accountId).ifPresent(account -> account.removalStopped(kind, reason));
    }

    /** What to delete, the watches to stop, and how to reach them. */
    public record Plan(CalendarProviderType provider, ProviderConnection connection, List<Deletion> deletions,
            List<WatchGrant> watches) {
    }

    public record Deletion(String calendarRemoteId, String remoteId) {
    }
}
