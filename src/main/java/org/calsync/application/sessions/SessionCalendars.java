package org.calsync.application.sessions;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.calendar.ExternalCalendar;
import org.calsync.domain.model.calendar.SessionCalendarChoice;
import org.calsync.domain.model.calendar.SessionCalendarChoiceRepository;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.session.InstructorAssignment;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.session.TrainingSessionRepository;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.UnknownEntityException;

/**
 * Which calendar of each of a person's accounts receives one session: the account's usual target unless the
 * person (or an administrator for them) chose another for this session. A new choice is pushed like any change
 * of the session: the worker deletes the event from the calendar it was in and writes it into the chosen one,
 * under the person's calendar lock and from the state at that moment, so that choices made in quick succession,
 * or while a push is under way, leave exactly one copy where the last choice says.
 */
@ApplicationScoped
@Transactional
public class SessionCalendars {

    @Inject
    private TrainingSessionRepository sessions;

    @Inject
    private CalendarAccountRepository accounts;

    @Inject
    private SessionCalendarChoiceRepository choices;

    @Inject
    private PushPlanner push;

    private final Clock clock = Clock.systemUTC();

    /**
     * One account of the person, as it concerns the session.
     *
     * @param usualTarget where the account's sessions go, if anywhere
     * @param chosen      the calendar chosen for this session instead, if one was
     * @param choosable   the account's calendars that accept events
     */
    public record AccountChoice(CalendarAccount account, Optional<ExternalCalendar> usualTarget,
            Optional<ExternalCalendar> chosen, List<ExternalCalendar> choosable) {

        /** Where the session goes in this account: the chosen calendar, or else the usual target. */
        public Optional<ExternalCalendar> receiving() {
            return chosen.or(() -> usualTarget);
        }
    }

    /** The person's accounts with where the session goes in each; the person must teach or attend it. */
    public List<AccountChoice> choices(TenantId tenant, String sessionId, String personId) {
        requireOnSession(tenant, sessionId, personId);
        return choicesOf(tenant, sessionId, personId);
    }

    /** Each instructor of the session with their accounts' choices, for the console's session page. */
    public Map<Person, List<AccountChoice>> forInstructors(TenantId tenant, String sessionId) {
        TrainingSession session = sessions.find(tenant, sessionId)
                .orElseThrow(() -> new UnknownEntityException("session", sessionId));
        return session.assignments().stream().map(InstructorAssignment::person).collect(Collectors.toMap(
                Function.identity(), person -> choicesOf(tenant, sessionId, person.id()), (a, b) -> a,
                LinkedHashMap::new));
    }

    /**
     * Sends the session to this calendar of the account from now on; a null calendar, or the account's usual
     * target, goes back to the usual target.
     */
    public AccountChoice choose(TenantId tenant, String sessionId, String personId, String accountId, String calendarId) {
        requireOnSession(tenant, sessionId, personId);
        CalendarAccount account = accounts.find(tenant, accountId).filter(a -> a.personId().equals(personId))
                .orElseThrow(() -> new UnknownEntityException("calendar account", accountId));
        if (account.beingRemoved()) {
            throw new InvalidInputException("accountId", "sessionCalendar.accountBeingRemoved");
        }
        Optional<ExternalCalendar> wanted = calendarId == null || calendarId.isBlank() ? Optional.empty()
                : Optional.of(account.calendar(calendarId)
                        .orElseThrow(() -> new InvalidInputException("calendarId", "sessionCalendar.notInAccount")));
        boolean usual = wanted.isEmpty() || wanted.equals(account.pushTarget());
        Optional<SessionCalendarChoice> existing = choices.forSessionAndPerson(tenant, sessionId, personId).stream()
                .filter(choice -> choice.accountId().equals(accountId)).findFirst();
        if (usual) {
            existing.ifPresent(choices::remove);
        } else if (existing.isPresent()) {
            existing.get().moveTo(wanted.get(), clock.instant());
        } else {
            choices.add(new SessionCalendarChoice(tenant, sessionId, personId, wanted.get(), clock.instant()));
        }
        push.plan(tenant, sessionId, List.of(personId));
        return new AccountChoice(account, account.pushTarget(), usual ? Optional.empty() : wanted,
                choosable(account));
    }

    private List<AccountChoice> choicesOf(TenantId tenant, String sessionId, String personId) {
        Map<String, ExternalCalendar> chosen = choices.forSessionAndPerson(tenant, sessionId, personId).stream()
                .collect(Collectors.toMap(SessionCalendarChoice::accountId, SessionCalendarChoice::calendar));
        return accounts.listForPerson(tenant, personId).stream().filter(account -> !account.beingRemoved())
                .map(account -> new AccountChoice(account, account.pushTarget(),
                        Optional.ofNullable(chosen.get(account.id())), choosable(account)))
                .toList();
    }

    private static List<ExternalCalendar> choosable(CalendarAccount account) {
        return account.calendars().stream().filter(ExternalCalendar::writable).toList();
    }

    private void requireOnSession(TenantId tenant, String sessionId, String personId) {
        TrainingSession session = sessions.find(tenant, sessionId)
                .orElseThrow(() -> new UnknownEntityException("session", sessionId));
        boolean teaches = session.assignments().stream().anyMatch(a -> a.person().id().equals(personId));
        if (!teaches && !sessions.isRegistered(tenant, sessionId, personId)) {
            throw new InvalidInputException("personId", "sessionCalendar.notOnSession");
        }
    }
}
