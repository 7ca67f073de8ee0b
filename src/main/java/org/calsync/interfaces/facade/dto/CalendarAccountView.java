package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.util.List;

/**
 * A linked account without its secret. {@code statusKind} says what kind of problem the status is (SIGN_IN,
 * UNREACHABLE, BUSY, UNREADABLE, REMOVING or OTHER), null while it works; {@code statusMessage} says it in words.
 */
public record CalendarAccountView(String id, String personId, String provider, String serverUrl, String username,
        String status, String statusKind, String statusMessage, String privacyMode, List<CalendarView> calendars)
        implements Serializable {
}
