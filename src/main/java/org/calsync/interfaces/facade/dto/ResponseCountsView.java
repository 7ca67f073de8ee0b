package org.calsync.interfaces.facade.dto;

import java.io.Serializable;

/** How the people on a session answered its invitation. */
public record ResponseCountsView(int accepted, int tentative, int declined, int noAnswer) implements Serializable {
}
