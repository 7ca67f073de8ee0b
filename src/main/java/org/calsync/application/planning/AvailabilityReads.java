package org.calsync.application.planning;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.connection.AccountConnections;
import org.calsync.application.connection.CalendarProviders;
import org.calsync.application.connection.OAuthAccess;
import org.calsync.application.connection.OAuthClients;
import org.calsync.application.planning.Availability.BookedSession;
import org.calsync.application.planning.Availability.BusyTime;
import org.calsync.application.planning.Availability.PersonAvailability;
import org.calsync.application.planning.Availability.Source;
import org.calsync.domain.model.calendar.BusyBlock;
import org.calsync.domain.model.calendar.BusyBlockRepository;
import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderTraits;
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

    @Inject
    private OAuthAccess oauth;

    @Inject
    private CalendarProviders providers;

    /**
     * Busy blocks of people with linked calendars; everyone's sessions; the email addresses of people with no
     * linked calendar; and which organisation service can tell their free/busy. Each kind of record is read for
     * everyone at once, so that fifty people cost four queries, not two hundred.
     */
    public Known known(TenantId tenantId, List<String> personIds, TimeWindow window) {
        Map<String, Person> byId = people.findAll(tenantId, personIds).stream()
                .collect(Collectors.toMap(Person::id, person -> person));
        personIds.stream().filter(id -> !byId.containsKey(id)).findFirst().ifPresent(unknown -> {
            throw new UnknownEntityException("person", unknown);
        });
        Map<String, List<BookedSession>> booked = new HashMap<>();
        sessions.listForPeople(tenantId, personIds, window.from(), window.to()).forEach((personId, theirs) ->
                booked.put(personId, theirs.stream().filter(session -> session.state() != SessionState.CANCELLED)
                        .map(session -> new BookedSession(session.id(), session.courseTitle(), session.time().start(),
                                session.time().end()))
                        .toList()));
        Map<String, List<CalendarAccount>> linked = accounts.listForPeople(tenantId, personIds).stream()
                .collect(Collectors.groupingBy(CalendarAccount::personId));
        Map<String, List<BusyTime>> busyTimes = busy.forPeople(tenantId, linked.keySet(), window.from(), window.to())
                .stream().collect(Collectors.groupingBy(block -> block.calendar().account().personId(),
                        Collectors.mapping(AvailabilityReads::busyTime, Collectors.toList())));

        List<PersonAvailability> found = new ArrayList<>();
        Map<String, String> unlinked = new LinkedHashMap<>();
        for (String personId : personIds) {
            Person person = byId.get(personId);
            List<BookedSession> theirSessions = booked.getOrDefault(personId, List.of());
            List<CalendarAccount> theirAccounts = linked.getOrDefault(personId, List.of());
            if (!theirAccounts.isEmpty()) {
                boolean read = theirAccounts.stream().flatMap(account -> account.calendars().stream())
                        .anyMatch(calendar -> calendar.conflictCheck() && calendar.lastSyncedAt() != null);
                found.add(new PersonAvailability(personId, person.displayName(), person.timeZone(),
                        person.workingHours(), read ? Source.LINKED_CALENDARS : Source.NOT_READ_YET,
                        busyTimes.getOrDefault(personId, List.of()), theirSessions, null));
            } else {
                found.add(new PersonAvailability(personId, person.displayName(), person.timeZone(),
                        person.workingHours(), Source.NONE, List.of(), theirSessions, null));
                unlinked.put(personId, person.email());
            }
        }
        Optional<FreeBusyService> service = unlinked.isEmpty() ? Optional.empty()
                : freeBusyService(tenantId, unlinked.values().iterator().next());
        return new Known(found, unlinked, service);
    }

    /**
     * The organisation's free/busy service that can answer for people who linked nothing: a kind that answers for
     * anyone, reached with the organisation's own credentials. A directory sign-in (Exchange's service account)
     * comes before an OAuth application (Microsoft 365's getSchedule). Both answer in a mailbox's context, and
     * the first person asked about is as good as any.
     */
    private Optional<FreeBusyService> freeBusyService(TenantId tenantId, String firstMailbox) {
        List<ProviderTraits> kinds = providers.allTraits().stream().filter(ProviderTraits::organisationFreeBusy)
                .filter(ProviderTraits::organisationWide)
                .sorted(Comparator.comparing(traits -> traits.signIn() != ProviderTraits.SignIn.DIRECTORY)).toList();
        for (ProviderTraits traits : kinds) {
            CalendarProviderType kind = traits.type();
            if (traits.signIn() == ProviderTraits.SignIn.DIRECTORY) {
                Optional<ProviderConnection> serviceAccount = exchange.find(tenantId)
                        .filter(s -> s.usesServiceAccount() && s.effectiveEwsUrl().isPresent())
                        .map(s -> connections.serviceAccount(s, ZoneOffset.UTC, firstMailbox));
                if (serviceAccount.isPresent()) {
                    return Optional.of(new FreeBusyService(kind, serviceAccount::get));
                }
            } else if (traits.usesOAuth() && oauthClients.reachesEveryMailbox(tenantId, kind)) {
                return Optional.of(new FreeBusyService(kind,
                        () -> oauth.applicationConnection(kind, tenantId, firstMailbox, ZoneOffset.UTC)));
            }
        }
        return Optional.empty();
    }

    private static BusyTime busyTime(BusyBlock block) {
        CalendarAccount account = block.calendar().account();
        return new BusyTime(new BusyInterval(block.start(), block.end(), block.allDay()), block.title(),
                block.calendar().displayName(), block.calendar().lastSyncedAt(), account.statusMessage(),
                block.calendar().conflictCheck());
    }

    /**
     * An organisation's free/busy service, and how to reach it; the connection is made outside any transaction,
     * as it may ask the provider for a token.
     */
    public record FreeBusyService(CalendarProviderType kind, Supplier<ProviderConnection> connection) {
    }

    /** @param freeBusyService the service to ask for the people who linked nothing, when there is one */
    public record Known(List<PersonAvailability> people, Map<String, String> unlinkedEmails,
            Optional<FreeBusyService> freeBusyService) {
    }
}
