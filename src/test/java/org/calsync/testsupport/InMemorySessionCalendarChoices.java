package org.calsync.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.calsync.domain.model.calendar.SessionCalendarChoice;
import org.calsync.domain.model.calendar.SessionCalendarChoiceRepository;
import org.calsync.domain.model.tenant.TenantId;

/** The calendars chosen for single sessions, in a list, for tests without a database. */
public final class InMemorySessionCalendarChoices implements SessionCalendarChoiceRepository {

    private final List<SessionCalendarChoice> choices = new ArrayList<>();

    @Override
    public List<SessionCalendarChoice> forSessionAndPerson(TenantId tenantId, String sessionId, String personId) {
        return choices.stream().filter(choice -> choice.sessionId().equals(sessionId)
                && choice.personId().equals(personId) && choice.calendar().account().tenantId().equals(tenantId))
                .toList();
    }

    @Override
    public List<SessionCalendarChoice> forSession(TenantId tenantId, String sessionId) {
        return choices.stream().filter(choice -> choice.sessionId().equals(sessionId)
                && choice.calendar().account().tenantId().equals(tenantId)).toList();
    }

    @Override
    public void add(SessionCalendarChoice choice) {
        choices.add(choice);
    }

    @Override
    public void remove(SessionCalendarChoice choice) {
        choices.remove(choice);
    }
}
