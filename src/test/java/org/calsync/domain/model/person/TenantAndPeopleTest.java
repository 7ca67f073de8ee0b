package org.calsync.domain.model.person;

import static org.calsync.testsupport.DomainFixtures.NORTHWIND;
import static org.calsync.testsupport.DomainFixtures.RIVERSIDE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.calsync.domain.model.tenant.ApiKey;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.IntegrationSettings;
import org.calsync.domain.model.tenant.PrivacyMode;
import org.calsync.domain.model.tenant.SyncDirection;
import org.calsync.domain.shared.FieldError;
import org.calsync.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class TenantAndPeopleTest {

    @Test
    void settingsRejectOutOfRangeValuesFieldByField() {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> new IntegrationSettings(true,
                Set.of(), null, PrivacyMode.DEFAULT, 0, false, 1000));
        assertEquals(List.of("direction", "pullWindowMonths", "cancellationDeadlineHours", "allowedProviders"),
                error.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void settingsAllowOnlyEnabledProviders() {
        IntegrationSettings settings = new IntegrationSettings(true, Set.of(CalendarProviderType.CALDAV),
                SyncDirection.ONE_WAY, PrivacyMode.FULL_PRIVATE, 12, true, 24);
        assertTrue(settings.allows(CalendarProviderType.CALDAV));
        assertFalse(settings.allows(CalendarProviderType.GOOGLE));
        IntegrationSettings off = new IntegrationSettings(false, Set.of(CalendarProviderType.CALDAV),
                SyncDirection.ONE_WAY, PrivacyMode.FULL_PRIVATE, 12, true, 24);
        assertFalse(off.allows(CalendarProviderType.CALDAV));
    }

    @Test
    void personNormalisesEmailAndValidatesEveryField() {
        Person person = new Person(NORTHWIND, new PersonDetails("  Lea.Dubois@Example.ORG ", "Léa Dubois", "Europe/Paris", null));
        assertEquals("lea.dubois@example.org", person.email());
        assertEquals(WorkingHours.officeHours().days(), person.workingHours().days());
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> new Person(NORTHWIND, new PersonDetails("not-an-email", " ", "Europe/Nowhere", null)));
        assertEquals(List.of("email", "displayName", "timeZone"), error.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void workingHoursMustEndAfterTheyStart() {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> new WorkingHours(
                LocalTime.of(17, 0), LocalTime.of(9, 0), EnumSet.noneOf(java.time.DayOfWeek.class)));
        assertEquals(List.of("workEnd", "workDays"), error.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void rolesOfAnotherTenantCannotBeGiven() {
        Person person = new Person(NORTHWIND, new PersonDetails("a@example.org", "A", "UTC", null));
        Role foreign = new Role(RIVERSIDE, "Administrator", EnumSet.of(Permission.ADMINISTER_TENANT));
        assertThrows(InvalidInputException.class, () -> person.assignRoles(Set.of(foreign)));
        assertFalse(person.has(Permission.ADMINISTER_TENANT));
    }

    @Test
    void permissionsAreTheUnionOfRoles() {
        Person person = new Person(NORTHWIND, new PersonDetails("b@example.org", "B", "UTC", null));
        person.assignRoles(Set.of(new Role(NORTHWIND, "Instructor", EnumSet.of(Permission.DELIVER_SESSIONS)),
                new Role(NORTHWIND, "Linker", EnumSet.of(Permission.CALENDAR_INTEGRATION))));
        assertEquals(EnumSet.of(Permission.DELIVER_SESSIONS, Permission.CALENDAR_INTEGRATION), person.permissions());
    }

    @Test
    void apiKeysAreRandomAndOnlyTheirHashIsKept() {
        ApiKey.Issued first = ApiKey.issue(NORTHWIND, "Moodle");
        ApiKey.Issued second = ApiKey.issue(NORTHWIND, "Moodle");
        assertNotEquals(first.secret(), second.secret());
        assertTrue(first.secret().startsWith("csk_") && first.secret().length() > 40);
        assertEquals(first.secret().substring(0, 10), first.key().keyPrefix());
        assertEquals(64, ApiKey.hash(first.secret()).length());
        assertTrue(first.key().isActive());
        first.key().revoke();
        assertFalse(first.key().isActive());
    }
}
