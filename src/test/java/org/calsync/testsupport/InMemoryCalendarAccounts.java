package org.calsync.testsupport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.tenant.TenantId;

/** Linked accounts in a list, answering as the JPA repository does, for application tests without a database. */
public final class InMemoryCalendarAccounts implements CalendarAccountRepository {

    private final List<CalendarAccount> accounts = new ArrayList<>();

    @Override
    public Optional<CalendarAccount> find(TenantId tenantId, String id) {
        return listForTenant(tenantId).stream().filter(account -> account.id().equals(id)).findFirst();
    }

    @Override
    public List<CalendarAccount> listForPerson(TenantId tenantId, String personId) {
        return listForTenant(tenantId).stream().filter(account -> account.personId().equals(personId)).toList();
    }

    @Override
    public List<CalendarAccount> listForPeople(TenantId tenantId, Collection<String> personIds) {
        return listForTenant(tenantId).stream().filter(account -> personIds.contains(account.personId())).toList();
    }

    @Override
    public List<CalendarAccount> listForTenant(TenantId tenantId) {
        return accounts.stream().filter(account -> account.tenantId().equals(tenantId)).toList();
    }

    @Override
    public Set<String> peopleWithAccounts(TenantId tenantId, Collection<String> personIds) {
        return listForTenant(tenantId).stream().map(CalendarAccount::personId).filter(personIds::contains)
                .collect(Collectors.toSet());
    }

    @Override
    public void add(CalendarAccount account) {
        accounts.add(account);
    }

    @Override
    public void remove(CalendarAccount account) {
        accounts.remove(account);
    }
}
