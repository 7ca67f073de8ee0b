package org.calsync.interfaces.facade.dto;

import java.io.Serializable;

/** A person as listed on a session. */
public record PersonRef(String id, String displayName, String email) implements Serializable {
}
