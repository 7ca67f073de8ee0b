package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/** An API key as listed; the secret itself is shown only once, when it is issued. */
public record ApiKeyView(String id, String name, String keyPrefix, Instant createdAt, boolean active) implements Serializable {
}
