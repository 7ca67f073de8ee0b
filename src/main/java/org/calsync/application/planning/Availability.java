package org.calsync.application.planning;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.application.connection.CalendarProviders;
import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.ProviderTraits;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.person.WorkingHours;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.Message;

/**
 * Several people's busy times side by side, for planning: what their linked calendars showed at the last
 * pull, and, for people who linked none, what the organisation's free/busy service shows (see
 * {@link AvailabilityReads#known}). The service is asked once for all of them, outside any transaction.
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
            throw new InvalidInputException("people", "planning.peopleRange", MAX_PEOPLE);
        }
        AvailabilityReads.Known known = reads.known(tenantId, personIds, window);
        Optional<OrganisationAnswer> organisation = askOrganisation(tenantId, known, window);
        List<PersonAvailability> result = new ArrayList<>();
        for (PersonAvailability person : known.people()) {
            String email = known.unlinkedEmails().get(person.personId());
            if (email == null || organisation.isEmpty()) {
                result.add(person);
                continue;
            }
            OrganisationAnswer answer = organisation.get();
            if (answer.busy().containsKey(email)) {
                List<BusyTime> busy = answer.busy().get(email).stream()
                        .map(interval -> new BusyTime(interval, null, answer.source().serviceName(), answer.asked(), null, true))
                        .toList();
                result.add(person.withBusy(answer.source(), busy, null));
            } else {
                result.add(person.withBusy(Source.NONE, List.of(), answer.error()));
            }
        }
        return result;
    }

    /** The organisation's free/busy for everyone who linked no calendar, when it has a service to ask. */
    private Optional<OrganisationAnswer> askOrganisation(TenantId tenantId, AvailabilityReads.Known known,
            TimeWindow window) {
        if (known.unlinkedEmails().isEmpty()) {
            return Optional.empty();
        }
        List<String> emails = List.copyOf(known.unlinkedEmails().values());
        return known.freeBusyService().map(service -> ask(tenantId, service, emails, window));
    }

    private OrganisationAnswer ask(TenantId tenantId, AvailabilityReads.FreeBusyService service, List<String> emails,
            TimeWindow window) {
        Instant asked = Instant.now();
        Source source = Source.freeBusyOf(service.kind());
        try {
            return new OrganisationAnswer(source, asked,
                    providers.forType(service.kind()).freeBusy(service.connection().get(), emails, window), null);
        } catch (RuntimeException e) {
            // Planning still shows what CalSync knows; the gap is named, not hidden.
            LOG.warning(() -> "tenant=" + tenantId + " " + source.serviceName() + " unavailable: " + e.getMessage());
            return new OrganisationAnswer(source, asked, Map.of(), e.getMessage());
        }
    }

    /** What the organisation's service said, by email address; who is missing is unknown to it or failed. */
    private record OrganisationAnswer(Source source, Instant asked, Map<String, List<BusyInterval>> busy, String error) {
    }

    /**
     * Where a person's busy times come from: their linked calendars, or the organisation's free/busy service of a
     * kind that answers for anyone ({@link ProviderTraits#organisationFreeBusy()}).
     *
     * @param service the kind whose organisation service answered, for {@link Origin#ORGANISATION_FREE_BUSY} only
     */
    public record Source(Origin origin, CalendarProviderType service) {

        public static final Source LINKED_CALENDARS = new Source(Origin.LINKED_CALENDARS, null);
        /** Calendars are linked but none checked for clashes has been read yet: no busy time means nothing yet. */
        public static final Source NOT_READ_YET = new Source(Origin.NOT_READ_YET, null);
        public static final Source NONE = new Source(Origin.NONE, null);

        public enum Origin {
            LINKED_CALENDARS, ORGANISATION_FREE_BUSY, NOT_READ_YET, NONE
        }

        public static Source freeBusyOf(CalendarProviderType service) {
            return new Source(Origin.ORGANISATION_FREE_BUSY, service);
        }

        /** Asked now of the organisation's own service, for someone who linked no calendar. */
        public boolean organisationService() {
            return origin == Origin.ORGANISATION_FREE_BUSY;
        }

        /** Whether an empty list of busy times means the person is free, rather than that nobody knows. */
        public boolean known() {
            return origin == Origin.LINKED_CALENDARS || origin == Origin.ORGANISATION_FREE_BUSY;
        }

        /**
         * As the API and the pages name it: the origin, or a service's kind followed by {@code _FREE_BUSY}
         * (EXCHANGE_FREE_BUSY, MICROSOFT_365_FREE_BUSY), as the host platform has always read it.
         */
        public String apiName() {
            return service == null ? origin.name() : service.name() + "_FREE_BUSY";
        }

        /** The service's name where busy times show their origin, such as "Exchange free/busy". */
        public String serviceName() {
            return service == null ? null : Message.of("freeBusy." + service.name()).english();
        }
    }

    /**
     * One busy time and where it was learnt.
     *
     * @param title the event's title where the owner's privacy mode allows it, else null
     * @param origin the calendar's name, or the organisation's service, such as "Exchange free/busy"
     * @param readAt when CalSync last read that calendar (null if never), or when the service was asked
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
     * @param problem why nothing is known of someone with no linked calendar (the organisation's service
     *        failed or does not know them), or null
     */
    public record PersonAvailability(String personId, String name, ZoneId zone, WorkingHours hours, Source source,
            List<BusyTime> busy, List<BookedSession> sessions, String problem) {

        PersonAvailability withBusy(Source newSource, List<BusyTime> newBusy, String newProblem) {
            return new PersonAvailability(personId, name, zone, hours, newSource, newBusy, sessions, newProblem);
        }
    }
}
