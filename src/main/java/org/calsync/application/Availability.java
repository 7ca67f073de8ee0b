package org.calsync.application;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.person.WorkingHours;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.InvalidInputException;

/**
 * Several people's busy times side by side, for planning: what their linked calendars showed at the last
 * pull, and, for people who linked none, what the organisation's free/busy service shows: Exchange's when a
 * service account can ask it, else Microsoft 365's getSchedule when the organisation-wide mode is on. The
 * service is asked once for all of them, outside any transaction.
 */
@ApplicationScoped
public class Availability {

    static final int MAX_PEOPLE = 200;
    private static final Logger LOG = Logger.getLogger(Availability.class.getName());

    @Inject
    private CalendarProviders providers;

    @Inject
    private AvailabilityReads reads;

    @Inject
    private OAuthAccess oauth;

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
                        .map(interval -> new BusyTime(interval, null, answer.source().origin(), answer.asked(), null, true))
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
        if (known.exchangeFreeBusy().isPresent()) {
            return Optional.of(ask(tenantId, Source.EXCHANGE_FREE_BUSY, known.exchangeFreeBusy()::get, emails, window));
        }
        if (known.microsoftReachesEveryMailbox()) {
            // getSchedule is asked in a mailbox's context, as the application: the first person's is as good as any.
            return Optional.of(ask(tenantId, Source.MICROSOFT_365_FREE_BUSY,
                    () -> oauth.applicationConnection(tenantId, emails.get(0), ZoneOffset.UTC), emails, window));
        }
        return Optional.empty();
    }

    private OrganisationAnswer ask(TenantId tenantId, Source source, Supplier<ProviderConnection> connection,
            List<String> emails, TimeWindow window) {
        Instant asked = Instant.now();
        try {
            return new OrganisationAnswer(source, asked,
                    providers.forType(source.provider()).freeBusy(connection.get(), emails, window), null);
        } catch (RuntimeException e) {
            // Planning still shows what CalSync knows; the gap is named, not hidden.
            LOG.warning(() -> "tenant=" + tenantId + " " + source.origin() + " unavailable: " + e.getMessage());
            return new OrganisationAnswer(source, asked, Map.of(), e.getMessage());
        }
    }

    /** What the organisation's service said, by email address; who is missing is unknown to it or failed. */
    private record OrganisationAnswer(Source source, Instant asked, Map<String, List<BusyInterval>> busy, String error) {
    }

    /** Where a person's busy times come from. */
    public enum Source {
        LINKED_CALENDARS(null, null),
        EXCHANGE_FREE_BUSY(CalendarProviderType.EXCHANGE, "Exchange free/busy"),
        MICROSOFT_365_FREE_BUSY(CalendarProviderType.MICROSOFT_365, "Microsoft 365 free/busy"),
        /** Calendars are linked but none checked for clashes has been read yet: no busy time means nothing yet. */
        NOT_READ_YET(null, null),
        NONE(null, null);

        private final CalendarProviderType provider;
        private final String origin;

        Source(CalendarProviderType provider, String origin) {
            this.provider = provider;
            this.origin = origin;
        }

        /** Asked now of the organisation's own service, for someone who linked no calendar. */
        public boolean organisationService() {
            return provider != null;
        }

        CalendarProviderType provider() {
            return provider;
        }

        /** Whether an empty list of busy times means the person is free, rather than that nobody knows. */
        public boolean known() {
            return this != NONE && this != NOT_READ_YET;
        }

        /** The service's name where busy times show their origin. */
        public String origin() {
            return origin;
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
