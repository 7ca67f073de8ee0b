package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.util.List;

/** An instructor of a session, with where the session goes in each of their accounts (none when they linked none). */
public record InstructorCalendarsView(String personId, String displayName, List<SessionCalendarView> accounts)
        implements Serializable {
}
