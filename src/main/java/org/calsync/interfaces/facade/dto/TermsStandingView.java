package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/**
 * Where a person stands with their organisation's terms before linking.
 *
 * @param text       the terms, or null when none are asked
 * @param changedAt  when this version was written
 * @param acceptedAt when the person accepted this version, or null
 * @param mustAccept terms are asked and this version is not accepted yet: the person's own link waits for it
 */
public record TermsStandingView(String text, Instant changedAt, Instant acceptedAt, boolean mustAccept)
        implements Serializable {
}
