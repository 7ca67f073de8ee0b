package org.calsync.application;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.person.WorkingHours;
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
    static final String EXCHANGE_FREE_BUSY = "Exchange free/busy";
    private static final Logger LOG = Logger.getLogger(Availability.class.getName());

    @Inject
    private CalendarProviders providers;

    @Inject
    private AvailabilityReads reads;

    public List<PersonAvailability> of(TenantId tenantId, List<String> personIds, TimeWindow window) {
        if (personIds.isEmpty() || personIds.size() > MAX_PEOPLE) {
            throw new InvalidInputException("people", "planning.peopleRange", MAX_PEOPLE);
        }
        AvailabilityReads.Known known = reads.known(tenantId, personIds, window);
        Map<String, List<BusyInterval>> fromExchange = Map.of();
        Instant asked = Instant.now();
        String exchangeError = null;
        if (known.freeBusyConnection().isPresent()) { // present only when someone has no linked calendar
            try {
                fromExchange = providers.forType(CalendarProviderType.EXCHANGE).freeBusy(known.freeBusyConnection().get(),
                        List.copyOf(known.unlinkedEmails().values()), window);
            } catch (RuntimeException e) {
                // Planning still shows what CalSync knows; the gap is named, not hidden.
                LOG.warning(() -> "tenant=" + tenantId + " Exchange free/busy unavailable: " + e.getMessage());
                exchangeError = e.getMessage();
            }
        }
        List<PersonAvailability> result = new ArrayList<>();
        for (PersonAvailability person : known.people()) {
            String email = known.unlinkedEmails().get(person.personId());
            if (email != null && fromExchange.containsKey(email)) {
                List<BusyTime> busy = fromExchange.get(email).stream()
                        .map(interval -> new BusyTime(interval, null, EXCHANGE_FREE_BUSY, asked, null, true)).toList();
                result.add(person.withBusy(Source.EXCHANGE_FREE_BUSY, busy, null));
            } else if (email != null && exchangeError != null) {
                result.add(person.withBusy(Source.NONE, List.of(), exchangeError));
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

    /**
     * One busy time and where it was learnt.
     *
     * @param title the event's title where the owner's privacy mode allows it, else null
     * @param origin the calendar's name, or "Exchange free/busy"
     * @param readAt when CalSync last read that calendar (null if never), or when Exchange was asked
     * @param lastError the calendar account's current problem, or null
     * @param conflictCheck whether its owner chose that calendar to be checked for clashes
     */
    public record BusyTime(BusyInterval interval, String title, String origin, Instant readAt, String lastError,
            boolean conflictCheck) {
    }

    /** A session the person delivers or attends, which keeps them busy too. */
    public record BookedSession(String sessionId, String title, Instant start, Instant end) {
    }

    /**
     * @param problem why nothing is known of someone with no linked calendar (Exchange failed), or null
     */
    public record PersonAvailability(String personId, String name, ZoneId zone, WorkingHours hours, Source source,
            List<BusyTime> busy, List<BookedSession> sessions, String problem) {

        PersonAvailability withBusy(Source newSource, List<BusyTime> newBusy, String newProblem) {
            return new PersonAvailability(personId, name, zone, hours, newSource, newBusy, sessions, newProblem);
        }
    }
}
