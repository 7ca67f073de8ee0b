package org.calsync.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.InvalidInputException;

/**
 * Several people's busy times side by side, for planning: what their linked calendars showed at the last
 * pull, and, for people who linked none, what the organisation's Exchange free/busy service shows when a
 * service account can ask it. Exchange is asked once for all of them, outside any transaction.
 */
@ApplicationScoped
public class Availability {

    static final int MAX_PEOPLE = 200;
    private static final Logger LOG = Logger.getLogger(Availability.class.getName());

    @Inject
    private CalendarProviders providers;

    @Inject
    private AvailabilityReads reads;

    public List<PersonAvailability> of(TenantId tenantId, List<String> personIds, TimeWindow window) {
        if (personIds.isEmpty() || personIds.size() > MAX_PEOPLE) {
            throw new InvalidInputException("people", "Ask for between 1 and " + MAX_PEOPLE + " people.");
        }
        AvailabilityReads.Known known = reads.known(tenantId, personIds, window);
        Map<String, List<BusyInterval>> fromExchange = Map.of();
        if (known.freeBusyConnection().isPresent()) { // present only when someone has no linked calendar
            try {
                fromExchange = providers.forType(CalendarProviderType.EXCHANGE).freeBusy(known.freeBusyConnection().get(),
                        List.copyOf(known.unlinkedEmails().values()), window);
            } catch (RuntimeException e) {
                // Planning still shows what CalSync knows; the gap is named, not hidden.
                LOG.warning(() -> "tenant=" + tenantId + " Exchange free/busy unavailable: " + e.getMessage());
            }
        }
        List<PersonAvailability> result = new ArrayList<>();
        for (PersonAvailability person : known.people()) {
            String email = known.unlinkedEmails().get(person.personId());
            if (email != null && fromExchange.containsKey(email)) {
                result.add(new PersonAvailability(person.personId(), person.name(), Source.EXCHANGE_FREE_BUSY,
                        fromExchange.get(email)));
            } else {
                result.add(person);
            }
        }
        return result;
    }

    /** Where a person's busy times come from. */
    public enum Source {
        LINKED_CALENDARS,
        EXCHANGE_FREE_BUSY,
        NONE
    }

    public record PersonAvailability(String personId, String name, Source source, List<BusyInterval> busy) {
    }
}
