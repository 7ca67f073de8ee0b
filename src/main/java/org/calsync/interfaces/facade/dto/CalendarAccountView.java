package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.util.List;

/** A linked account without its secret. */
public record CalendarAccountView(String id, String personId, String provider, String serverUrl, String username,
        String status, String statusMessage, String privacyMode, List<CalendarView> calendars) implements Serializable {
}
