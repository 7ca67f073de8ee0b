package org.calsync.application.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.calendar.AccountStatus;
import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.person.Invitation;
import org.calsync.domain.model.person.InvitationRepository;
import org.calsync.domain.model.person.Permission;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.sync.OutboxEntry;
import org.calsync.domain.model.sync.OutboxRepository;
import org.calsync.domain.model.sync.OutboxState;
import org.calsync.domain.model.sync.SyncRun;
import org.calsync.domain.model.sync.SyncRunRepository;
import org.calsync.domain.model.tenant.TenantId;

/** The console's dashboard: who is connected, and what syncing did over the last days. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SyncDashboard {

    static final int DAYS = 7;

    @Inject
    private CalendarAccountRepository accounts;

    @Inject
    private PersonRepository people;

    @Inject
    private InvitationRepository invitations;

    @Inject
    private OutboxRepository outbox;

    @Inject
    private SyncRunRepository runs;

    /**
     * People who may link a calendar, by where they stand: connected (every account working), needing to
     * reconnect (an account refused), in error (an account failing for another reason), held (a calendar the
     * mass-deletion guard holds), invited (a link pending), or not connected. Each person counts once, under the most urgent.
     */
    public Counts counts(TenantId tenantId, Instant now) {
        Map<String, List<CalendarAccount>> byPerson = new LinkedHashMap<>();
        accounts.listForTenant(tenantId).forEach(a -> byPerson.computeIfAbsent(a.personId(), k -> new ArrayList<>()).add(a));
        Set<String> invited = new HashSet<>();
        for (Invitation invitation : invitations.newestPerPerson(tenantId)) {
            if (invitation.state(now) == Invitation.State.PENDING) {
                invited.add(invitation.personId());
            }
        }
        int connected = 0;
        int reconnect = 0;
        int failing = 0;
        int held = 0;
        int pending = 0;
        int none = 0;
        for (Person person : people.listWithPermission(tenantId, Permission.CALENDAR_INTEGRATION)) {
            List<CalendarAccount> own = byPerson.getOrDefault(person.id(), List.of());
            if (own.stream().anyMatch(a -> a.status() == AccountStatus.NEEDS_RECONSENT)) {
                reconnect++;
            } else if (own.stream().anyMatch(a -> a.status() == AccountStatus.ERROR)) {
                failing++;
            } else if (own.stream().anyMatch(CalendarAccount::held)) {
                held++;
            } else if (own.stream().anyMatch(a -> a.status() == AccountStatus.CONNECTED)) {
                connected++;
            } else if (invited.contains(person.id())) {
                pending++;
            } else {
                none++;
            }
        }
        return new Counts(connected, pending, reconnect, failing, held, none);
    }

    /** Events pushed, changes pulled and errors, per day in the viewer's zone, oldest first, today last. */
    public List<DayActivity> activity(TenantId tenantId, ZoneId zone, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate first = today.minusDays(DAYS - 1L);
        Map<LocalDate, int[]> days = new LinkedHashMap<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            days.put(day, new int[3]);
        }
        Instant since = first.atStartOfDay(zone).toInstant();
        for (OutboxEntry entry : outbox.changedSince(tenantId, since)) {
            int[] day = days.get(LocalDate.ofInstant(entry.updatedAt(), zone));
            if (day == null) {
                continue;
            }
            if (entry.state() == OutboxState.DONE) {
                day[0]++;
            } else if (entry.attempts() > 0) {
                day[2]++;
            }
        }
        for (SyncRun run : runs.since(tenantId, since)) {
            int[] day = days.get(LocalDate.ofInstant(run.startedAt(), zone));
            if (day == null) {
                continue;
            }
            day[1] += run.changesIn();
            day[2] += run.errors() + (run.outcome() == SyncRun.Outcome.FAILED && run.errors() == 0 ? 1 : 0);
        }
        List<DayActivity> activity = new ArrayList<>();
        days.forEach((day, counts) -> activity.add(new DayActivity(day, counts[0], counts[1], counts[2])));
        return activity;
    }

    public record Counts(int connected, int invited, int needsReconnecting, int failing, int held, int notConnected) {
    }

    /**
     * @param pushed sessions written to people's calendars (one per person and session change)
     * @param pulled changes read back from calendars
     * @param errors failed syncs, skipped items and push attempts that failed
     */
    public record DayActivity(LocalDate day, int pushed, int pulled, int errors) {
    }
}
