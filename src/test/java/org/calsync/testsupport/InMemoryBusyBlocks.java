package org.calsync.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.calsync.domain.model.calendar.BusyBlock;
import org.calsync.domain.model.calendar.BusyBlockRepository;
import org.calsync.domain.model.tenant.TenantId;

/** Busy times read from calendars, in a list, answering as the JPA repository does, for tests without a database. */
public final class InMemoryBusyBlocks implements BusyBlockRepository {

    private final List<BusyBlock> blocks = new ArrayList<>();

    private List<BusyBlock> inCalendar(TenantId tenantId, String calendarId) {
        return blocks.stream().filter(block -> block.calendar().account().tenantId().equals(tenantId)
                && block.calendar().id().equals(calendarId)).toList();
    }

    @Override
    public Set<String> remoteIdsIn(TenantId tenantId, String calendarId) {
        return inCalendar(tenantId, calendarId).stream().map(BusyBlock::remoteId).collect(Collectors.toSet());
    }

    @Override
    public void removeForRemoteIds(TenantId tenantId, String calendarId, Collection<String> remoteIds) {
        blocks.removeAll(inCalendar(tenantId, calendarId).stream().filter(block -> remoteIds.contains(block.remoteId()))
                .toList());
    }

    @Override
    public void add(BusyBlock block) {
        blocks.add(block);
    }

    @Override
    public int removeEndedBefore(TenantId tenantId, Instant before) {
        List<BusyBlock> ended = blocks.stream().filter(block -> block.calendar().account().tenantId().equals(tenantId)
                && block.end().isBefore(before)).toList();
        blocks.removeAll(ended);
        return ended.size();
    }

    @Override
    public void forgetTitlesOfAccount(TenantId tenantId, String accountId) {
        throw new UnsupportedOperationException("titles are forgotten by a JPQL update; no test here needs it");
    }

    @Override
    public List<BusyBlock> forPeople(TenantId tenantId, Collection<String> personIds, Instant from, Instant to) {
        return blocks.stream().filter(block -> block.calendar().account().tenantId().equals(tenantId)
                && personIds.contains(block.calendar().account().personId()) && block.end().isAfter(from)
                && block.start().isBefore(to)).sorted(Comparator.comparing(BusyBlock::start)).toList();
    }
}
