package org.calsync.application;

import java.util.List;

import org.calsync.domain.model.tenant.TenantId;

/**
 * What one outbox entry needs done, read in one transaction.
 *
 * @param twoWay whether edits made in the calendars count; then an edit found while writing is read first
 */
record PushPlan(String entryId, TenantId tenantId, String sessionId, String personId, boolean twoWay,
        List<PushStep> steps) {
}
