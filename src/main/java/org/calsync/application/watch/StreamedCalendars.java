package org.calsync.application.watch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.connection.AccountConnections;
import org.calsync.application.pull.CalendarPull;
import org.calsync.application.pull.CalendarPull.TenantCalendarRef;
import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.calendar.ExternalCalendar;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.StreamedCalendar;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.ExchangeSettings;
import org.calsync.domain.model.tenant.ExchangeSettingsRepository;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.model.tenant.TenantRepository;

/**
 * Which calendars of one kind have their changes streamed: every calendar the hourly pull reads
 * ({@link CalendarPull#accountsToPull}, {@link ExternalCalendar#pulled()}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StreamedCalendars {

    @Inject
    private TenantRepository tenants;

    @Inject
    private CalendarAccountRepository accounts;

    @Inject
    private PersonRepository people;

    @Inject
    private AccountConnections connections;

    @Inject
    private CalendarPull pull;

    @Inject
    private ExchangeSettingsRepository exchange;

    /**
     * One calendar to stream.
     *
     * @param group calendars of one group share a sign-in and may share a stream: a tenant's service account, or
     *        one person's own account
     */
    public record Wanted(TenantCalendarRef ref, CalendarProviderType provider, String remoteCalendarId, String group) {
    }

    /** A calendar that could be reached, or why not. */
    public record Reached(Wanted wanted, StreamedCalendar calendar, String problem) {
    }

    /** Group names start with this, calendar ids never do. */
    static final String GROUP_PREFIX = "group:";

    /** The calendars to stream, by CalSync's calendar id. */
    public Map<String, Wanted> wanted(CalendarProviderType provider) {
        Map<String, Wanted> wanted = new LinkedHashMap<>();
        for (Tenant tenant : tenants.all()) {
            Optional<String> setUp = setUp(tenant.id(), provider);
            if (setUp.isEmpty()) {
                continue;
            }
            for (CalendarAccount account : pull.accountsToPull(tenant, null)) {
                if (account.provider() != provider) {
                    continue;
                }
                String group = GROUP_PREFIX + (connections.reachedByTheOrganisation(account)
                        ? "tenant:" + tenant.id().value() : "account:" + account.id()) + setUp.get();
                account.calendars().stream().filter(ExternalCalendar::pulled)
                        .forEach(c -> wanted.put(c.id(), new Wanted(new TenantCalendarRef(tenant.id().value(),
                                account.id(), c.id()), provider, c.remoteId(), group)));
            }
        }
        return wanted;
    }

    /**
     * Whether the tenant streams this kind of calendar, and as which set-up: Exchange, the one kind that streams,
     * follows the tenant's choice in its Exchange settings, and a group's name carries when they last changed, so
     * that new settings (another release, address or sign-in) open its streams again.
     */
    private Optional<String> setUp(TenantId tenantId, CalendarProviderType provider) {
        if (provider != CalendarProviderType.EXCHANGE) {
            return Optional.of("");
        }
        return exchange.find(tenantId).filter(ExchangeSettings::streamChanges)
                .map(settings -> "@" + settings.updatedAt().toEpochMilli());
    }

    /** How to reach each calendar, with the account owner's zone; an account that cannot be reached says why. */
    public List<Reached> reach(List<Wanted> calendars) {
        List<Reached> reached = new ArrayList<>();
        for (Wanted wanted : calendars) {
            TenantId tenantId = new TenantId(wanted.ref().tenantId());
            Optional<CalendarAccount> account = accounts.find(tenantId, wanted.ref().accountId());
            if (account.isEmpty()) {
                reached.add(new Reached(wanted, null, "The account was removed."));
                continue;
            }
            try {
                var zone = people.find(tenantId, account.get().personId()).orElseThrow().timeZone();
                reached.add(new Reached(wanted, new StreamedCalendar(wanted.ref().calendarId(),
                        connections.of(account.get(), zone), wanted.remoteCalendarId()), null));
            } catch (ProviderUnavailableException | AuthorisationLostException e) {
                reached.add(new Reached(wanted, null, e.getMessage()));
            }
        }
        return reached;
    }
}
