package org.calsync.testsupport;

import java.net.URI;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.RemoteCalendar;
import org.calsync.domain.model.person.Permission;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonDetails;
import org.calsync.domain.model.person.Role;
import org.calsync.domain.model.session.SessionDetails;
import org.calsync.domain.model.session.SessionState;
import org.calsync.domain.model.session.SessionTime;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.IntegrationSettings;
import org.calsync.domain.model.tenant.PrivacyMode;
import org.calsync.domain.model.tenant.SyncDirection;
import org.calsync.domain.model.tenant.TenantId;

/** Small builders shared by the domain tests. */
public final class DomainFixtures {

    public static final TenantId NORTHWIND = new TenantId("northwind");
    public static final TenantId RIVERSIDE = new TenantId("riverside");

    private DomainFixtures() {
    }

    public static Person person(TenantId tenant, String name, Permission... permissions) {
        Person person = new Person(tenant, new PersonDetails(name.toLowerCase().replace(' ', '.') + "@example.org",
                name, "Europe/London", null));
        Set<Permission> granted = permissions.length == 0 ? EnumSet.noneOf(Permission.class) : EnumSet.of(permissions[0], permissions);
        person.assignRoles(Set.of(new Role(tenant, "Role of " + name, granted)));
        return person;
    }

    /** A tenant's rules with calendar integration on, for CalDAV, in this direction. */
    public static IntegrationSettings calDavSettings(SyncDirection direction) {
        return new IntegrationSettings(true, EnumSet.of(CalendarProviderType.CALDAV), direction, PrivacyMode.DEFAULT, 12,
                false, 24);
    }

    /** CalDAV settings with calendar integration turned off: every account is paused. */
    public static IntegrationSettings integrationOff() {
        return new IntegrationSettings(false, EnumSet.of(CalendarProviderType.CALDAV), SyncDirection.TWO_WAY,
                PrivacyMode.DEFAULT, 12, false, 24);
    }

    /** The person's CalDAV account with one writable calendar, "work". */
    public static CalendarAccount calDavAccount(TenantId tenant, Person owner) {
        return new CalendarAccount(tenant, owner.id(), CalendarProviderType.CALDAV, URI.create("https://dav.example.org/"),
                owner.email(), "sealed", PrivacyMode.DEFAULT, List.of(new RemoteCalendar("work", "Work", true, true)));
    }

    public static TrainingSession session(TenantId tenant) {
        return new TrainingSession(tenant, new SessionDetails("Excel for Finance Teams", "Room 1", null, null),
                SessionTime.ofLocal(LocalDateTime.parse("2026-05-04T09:30"), LocalDateTime.parse("2026-05-04T12:30"),
                        "Europe/London"),
                SessionState.ACTIVE);
    }
}
