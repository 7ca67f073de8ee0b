package org.calsync.interfaces.facade.dto;

import java.io.Serializable;

/**
 * What a change of the organisation's rules would pause: calendars, their owners, and the events CalSync wrote
 * in them, which the admin may have deleted or leave where they are.
 */
public record PauseImpactView(int accounts, int people, int writtenEvents) implements Serializable {
}
