package org.calsync.domain.model.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.calsync.domain.model.tenant.TenantId;

public interface OutboxRepository {

    void add(OutboxEntry entry);

    /** Installation-wide: the worker serves every tenant. Pending entries due at or before now, oldest first. */
    List<String> dueIds(Instant now, int limit);

    /** Installation-wide: when the next pending entry is due, if any is pending. */
    Optional<Instant> nextAttempt();

    Optional<OutboxEntry> find(String id);

    /** Entries an admin should see: dead ones, and pending ones that have failed at least once; newest first. */
    List<OutboxEntry> failing(org.calsync.domain.model.tenant.TenantId tenantId, int limit);

    Optional<OutboxEntry> find(org.calsync.domain.model.tenant.TenantId tenantId, String id);

    /** The person's entries still waiting to be carried out. */
    List<OutboxEntry> pendingFor(org.calsync.domain.model.tenant.TenantId tenantId, String personId);

    /** Entries pushed, failed or planned since then, for the activity chart. */
    List<OutboxEntry> changedSince(org.calsync.domain.model.tenant.TenantId tenantId, Instant since);

    /** Forgets an entry an admin discarded. */
    void remove(OutboxEntry entry);

    /**
     * Takes a due entry for one instance until the given time, in one conditional update, so that of several
     * instances asking at once exactly one gets it; whose calendars or mailbox it concerns, or empty when the
     * entry is not due or another instance has it.
     */
    Optional<Claim> claim(String id, String instance, Instant now, Instant until);

    /** A claimed entry: the person it concerns and where it takes the session. */
    record Claim(String personId, OutboxChannel channel) {
    }

    /** The people an email about this session still waits for, so that another change needs none for them. */
    Set<String> emailsWaiting(TenantId tenantId, String sessionId);

    /** Makes the entries a departed instance was working due now, for the others to claim; how many. */
    int releaseClaimsOf(String instance, Instant now);

    long countPending(org.calsync.domain.model.tenant.TenantId tenantId);

    /** What waits to be sent, installation-wide, for each channel that has anything waiting. */
    Map<OutboxChannel, Backlog> backlog();

    /** How many entries wait, and since when the oldest of them has. */
    record Backlog(long pending, Instant oldestSince) {
    }
}
