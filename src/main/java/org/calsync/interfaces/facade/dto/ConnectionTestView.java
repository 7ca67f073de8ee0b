package org.calsync.interfaces.facade.dto;

import java.io.Serializable;

/** What "Test connection" found, in plain words. */
public record ConnectionTestView(boolean ok, String message) implements Serializable {
}
