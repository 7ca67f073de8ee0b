package org.calsync.domain.model.calendar;

import java.time.Instant;

/**
 * A provider's promise to call CalSync back when a calendar changes.
 *
 * @param remoteId   what the provider's calls name it by: Graph's subscription id, Google's channel id
 * @param resourceId what else the provider needs to stop it (Google's resource id); null for Graph
 * @param expiresAt  when the provider stops calling unless it is renewed
 */
public record WatchGrant(String remoteId, String resourceId, Instant expiresAt) {
}
