package org.calsync.application.push;

import java.time.Instant;
import java.util.List;

import org.calsync.domain.model.tenant.TenantId;

/**
 * What one outbox entry needs done, read in one transaction.
 *
 * @param twoWay whether edits made in the calendars count; then an edit found while writing is read first
 * @param askedAt when the plan was read: what the calendars answer is news from no earlier than this
 * @param changedAt when the first change the entry still had to deliver was made
 */
record PushPlan(String entryId, TenantId tenantId, String sessionId, String personId, boolean twoWay,
        List<PushStep> steps, Instant askedAt, Instant changedAt) {
}
