package org.calsync.application;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.Availability.BookedSession;
import org.calsync.application.Availability.BusyTime;
import org.calsync.application.Availability.PersonAvailability;
import org.calsync.application.Availability.Source;
import org.calsync.domain.model.calendar.BusyBlock;
import org.calsync.domain.model.calendar.BusyBlockRepository;
import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.session.SessionState;
import org.calsync.domain.model.session.TrainingSessionRepository;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.ExchangeSettingsRepository;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.UnknownEntityException;

/** What the database knows of several people's availability, read in one short transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class AvailabilityReads {

    @Inject
    private PersonRepository people;

    @Inject
    private CalendarAccountRepository accounts;

    @Inject
    private BusyBlockRepository busy;

    @Inject
    private TrainingSessionRepository sessions;

    @Inject
    private ExchangeSettingsRepository exchange;

    @Inject
    private AccountConnections connections;

    @Inject
    private OAuthClients oauthClients;

    /**
     * Busy blocks of people with linked calendars; everyone's sessions; the email addresses of people with no
     * linked calendar; and which organisation service can tell their free/busy: when the tenant's Exchange has
     * a service account, the connection to ask it with, or else whether Microsoft 365 reaches every mailbox.
     */
    public Known known(TenantId tenantId, List<String> personIds, TimeWindow window) {
        List<PersonAvailability> found = new ArrayList<>();
        Map<String, String> unlinked = new LinkedHashMap<>();
        for (String personId : personIds) {
            Person person = people.find(tenantId, personId).orElseThrow(() -> new UnknownEntityException("person", personId));
            List<BookedSession> booked = sessions.listForPerson(tenantId, personId, window.from(), window.to()).stream()
                    .filter(session -> session.state() != SessionState.CANCELLED)
                    .map(session -> new BookedSession(session.id(), session.courseTitle(), session.time().start(),
                            session.time().end()))
                    .toList();
            List<CalendarAccount> linked = accounts.listForPerson(tenantId, personId);
            if (!linked.isEmpty()) {
                List<BusyTime> times = busy.forPerson(tenantId, personId, window.from(), window.to()).stream()
                        .map(AvailabilityReads::busyTime).toList();
                boolean read = linked.stream().flatMap(account -> account.calendars().stream())
                        .anyMatch(calendar -> calendar.conflictCheck() && calendar.lastSyncedAt() != null);
                found.add(new PersonAvailability(personId, person.displayName(), person.timeZone(),
                        person.workingHours(), read ? Source.LINKED_CALENDARS : Source.NOT_READ_YET, times, booked, null));
            } else {
                found.add(new PersonAvailability(personId, person.displayName(), person.timeZone(),
                        person.workingHours(), Source.NONE, List.of(), booked, null));
                unlinked.put(personId, person.email());
            }
        }
        // Exchange answers free/busy in a mailbox's context: the first person asked about is as good as any.
        Optional<ProviderConnection> connection = unlinked.isEmpty() ? Optional.empty() : exchange.find(tenantId)
                .filter(s -> s.usesServiceAccount() && s.effectiveEwsUrl().isPresent())
                .map(s -> connections.serviceAccount(s, ZoneOffset.UTC, unlinked.values().iterator().next()));
        boolean microsoft = !unlinked.isEmpty()
                && oauthClients.reachesEveryMailbox(tenantId, CalendarProviderType.MICROSOFT_365);
        return new Known(found, unlinked, connection, microsoft);
    }

    private static BusyTime busyTime(BusyBlock block) {
        CalendarAccount account = block.calendar().account();
        return new BusyTime(new BusyInterval(block.start(), block.end(), block.allDay()), block.title(),
                block.calendar().displayName(), block.calendar().lastSyncedAt(), account.statusMessage(),
                block.calendar().conflictCheck());
    }

    /**
     * @param exchangeFreeBusy the service account's connection, when Exchange can be asked
     * @param microsoftReachesEveryMailbox whether Microsoft 365's getSchedule can be asked as the application
     */
    public record Known(List<PersonAvailability> people, Map<String, String> unlinkedEmails,
            Optional<ProviderConnection> exchangeFreeBusy, boolean microsoftReachesEveryMailbox) {
    }
}
