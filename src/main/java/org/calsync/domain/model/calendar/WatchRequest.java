package org.calsync.domain.model.calendar;

import java.time.Instant;

/**
 * What CalSync asks a provider for when it watches a calendar: to be called at {@code address} whenever the
 * calendar changes, with {@code secret} in every call (Graph's clientState, Google's channel token), until
 * {@code until}; providers may grant less.
 */
public record WatchRequest(String address, String secret, Instant until) {
}
