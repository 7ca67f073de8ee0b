package org.calsync.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.calsync.domain.model.calendar.EventLink;
import org.calsync.domain.model.calendar.EventLinkRepository;
import org.calsync.domain.model.tenant.TenantId;

/** The links to CalSync's events in a list, answering as the JPA repository does, for tests without a database. */
public final class InMemoryEventLinks implements EventLinkRepository {

    private final List<EventLink> links = new ArrayList<>();

    @Override
    public List<EventLink> forSessionAndPerson(TenantId tenantId, String sessionId, String personId) {
        return links.stream().filter(link -> link.tenantId().equals(tenantId) && link.sessionId().equals(sessionId)
                && link.personId().equals(personId)).toList();
    }

    @Override
    public List<EventLink> inCalendar(TenantId tenantId, String calendarId) {
        return links.stream().filter(link -> link.tenantId().equals(tenantId) && link.calendar().id().equals(calendarId))
                .toList();
    }

    @Override
    public void add(EventLink link) {
        links.add(link);
    }

    @Override
    public void remove(EventLink link) {
        links.remove(link);
    }
}
