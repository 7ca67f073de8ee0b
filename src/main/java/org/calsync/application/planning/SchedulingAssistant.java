package org.calsync.application.planning;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.application.planning.Availability.PersonAvailability;
import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.planning.Attendee;
import org.calsync.domain.model.planning.FreeSlot;
import org.calsync.domain.model.planning.FreeSlotFinder;
import org.calsync.domain.model.planning.SlotSearch;
import org.calsync.domain.model.tenant.TenantId;

/**
 * Several people's availability over some days, and the times that suit them best: what they are busy with
 * in their linked calendars (or Exchange free/busy), the sessions they already have, and their working hours.
 */
@ApplicationScoped
public class SchedulingAssistant {

    static final int SUGGESTIONS = 8;

    @Inject
    private Availability availability;

    public Plan plan(TenantId tenantId, List<String> personIds, SlotSearch search) {
        TimeWindow window = new TimeWindow(search.firstDay().atStartOfDay(search.zone()).toInstant(),
                search.lastDay().plusDays(1).atStartOfDay(search.zone()).toInstant());
        List<PersonAvailability> people = availability.of(tenantId, personIds, window);
        List<Attendee> attendees = people.stream()
                .map(person -> new Attendee(person.personId(), person.hours(), person.zone(), everythingBusy(person)))
                .toList();
        List<FreeSlot> slots = new FreeSlotFinder(Clock.systemUTC()).find(search, attendees, SUGGESTIONS);
        return new Plan(people, slots);
    }

    private static List<BusyInterval> everythingBusy(PersonAvailability person) {
        List<BusyInterval> busy = new ArrayList<>();
        person.busy().forEach(time -> busy.add(time.interval()));
        person.sessions().forEach(session -> busy.add(new BusyInterval(session.start(), session.end(), false)));
        return busy;
    }

    /** Each person's row, in the order asked, and the suggested times, best first. */
    public record Plan(List<PersonAvailability> people, List<FreeSlot> slots) {
    }
}
