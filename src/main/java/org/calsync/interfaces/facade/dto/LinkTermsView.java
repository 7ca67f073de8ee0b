package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/**
 * The terms a tenant asks people to accept before they link a calendar.
 *
 * @param text       the terms, or null when none are asked
 * @param changedAt  when this version was written
 * @param acceptedBy how many people accepted this version
 */
public record LinkTermsView(String text, Instant changedAt, long acceptedBy) implements Serializable {
}
