package org.calsync.interfaces.facade.dto;

import java.io.Serializable;

/** What removing an account did, in both places. */
public record AccountRemovalView(int deletedEvents, int notDeletable, String message) implements Serializable {
}
