package org.calsync.domain.model.calendar;

import java.util.List;

import org.calsync.domain.model.tenant.TenantId;

/** The calendars people chose for single sessions. */
public interface SessionCalendarChoiceRepository {

    /** The person's choices for the session, at most one per account. */
    List<SessionCalendarChoice> forSessionAndPerson(TenantId tenantId, String sessionId, String personId);

    /** Everyone's choices for the session. */
    List<SessionCalendarChoice> forSession(TenantId tenantId, String sessionId);

    void add(SessionCalendarChoice choice);

    void remove(SessionCalendarChoice choice);
}
