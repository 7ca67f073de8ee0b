package org.calsync.domain.model.calendar;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.calsync.domain.model.tenant.TenantId;

public interface BusyBlockRepository {

    /** The remote ids of the events whose busy times are stored for the calendar. */
    Set<String> remoteIdsIn(TenantId tenantId, String calendarId);

    void removeForRemoteIds(TenantId tenantId, String calendarId, Collection<String> remoteIds);

    void add(BusyBlock block);

    /** Deletes the tenant's busy blocks that ended before then; returns how many. */
    int removeEndedBefore(TenantId tenantId, Instant before);

    /** Keeps only the times of the account's stored busy blocks, as full privacy asks. */
    void forgetTitlesOfAccount(TenantId tenantId, String accountId);

    /** The person's busy blocks overlapping [from, to), from every linked calendar, ordered by start. */
    default List<BusyBlock> forPerson(TenantId tenantId, String personId, Instant from, Instant to) {
        return forPeople(tenantId, List.of(personId), from, to);
    }

    /**
     * These people's busy blocks overlapping [from, to), from every linked calendar, ordered by start, in one
     * read; a block's owner is {@code block.calendar().account().personId()}.
     */
    List<BusyBlock> forPeople(TenantId tenantId, Collection<String> personIds, Instant from, Instant to);
}
