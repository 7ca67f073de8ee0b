package org.calsync.domain.model.calendar;

import java.util.List;

import org.calsync.domain.model.tenant.TenantId;

public interface EventLinkRepository {

    List<EventLink> forSessionAndPerson(TenantId tenantId, String sessionId, String personId);

    List<EventLink> inCalendar(TenantId tenantId, String calendarId);

    void add(EventLink link);

    void remove(EventLink link);
}
