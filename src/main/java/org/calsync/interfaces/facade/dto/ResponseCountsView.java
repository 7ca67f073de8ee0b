package org.calsync.interfaces.facade.dto;

import java.io.Serializable;

/** How a session's learners answered its invitation. */
public record ResponseCountsView(int accepted, int tentative, int declined, int noAnswer) implements Serializable {
}
