package org.calsync.domain.model.calendar;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.calsync.domain.model.tenant.TenantId;

public interface CalendarAccountRepository {

    Optional<CalendarAccount> find(TenantId tenantId, String id);

    List<CalendarAccount> listForPerson(TenantId tenantId, String personId);

    /** These people's accounts, in one read, oldest first. */
    List<CalendarAccount> listForPeople(TenantId tenantId, Collection<String> personIds);

    List<CalendarAccount> listForTenant(TenantId tenantId);

    /** Which of these people have at least one linked account; the others need no push work. */
    Set<String> peopleWithAccounts(TenantId tenantId, Collection<String> personIds);

    void add(CalendarAccount account);

    void remove(CalendarAccount account);
}
