package org.calsync.domain.model.calendar;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.calsync.domain.model.person.Permission;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonDetails;
import org.calsync.domain.model.person.Role;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.IntegrationSettings;
import org.calsync.domain.model.tenant.PrivacyMode;
import org.calsync.domain.model.tenant.SyncDirection;
import org.calsync.domain.model.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** The rule asked at every push and pull: integration on, the kind allowed, and the owner's role permitting it. */
class SyncAllowedTest {

    private static final TenantId TENANT = new TenantId("t-1");

    private static IntegrationSettings settings(boolean enabled, Set<CalendarProviderType> allowed) {
        return new IntegrationSettings(enabled, allowed, SyncDirection.TWO_WAY, PrivacyMode.DEFAULT, 12, false, 24);
    }

    private static Person owner(Permission... permissions) {
        Role role = new Role(TENANT, "Role", permissions.length == 0 ? EnumSet.noneOf(Permission.class)
                : EnumSet.of(permissions[0], permissions));
        Person person = new Person(TENANT, new PersonDetails("pat@example.org", "Pat", "Europe/London", null));
        person.assignRoles(Set.of(role));
        return person;
    }

    @Test
    void onlyWhenIntegrationIsOnTheKindAllowedAndTheOwnerPermitted() {
        CalendarAccount account = new CalendarAccount(TENANT, "p-1", CalendarProviderType.CALDAV,
                URI.create("https://dav.example.org/"), "pat", "secret", PrivacyMode.DEFAULT, List.of());
        Person permitted = owner(Permission.CALENDAR_INTEGRATION);
        Set<CalendarProviderType> caldav = EnumSet.of(CalendarProviderType.CALDAV);
        assertTrue(account.syncAllowedBy(settings(true, caldav), permitted));
        assertFalse(account.syncAllowedBy(settings(false, caldav), permitted), "integration off");
        assertFalse(account.syncAllowedBy(settings(true, EnumSet.of(CalendarProviderType.GOOGLE)), permitted), "kind not allowed");
        assertFalse(account.syncAllowedBy(settings(true, caldav), owner(Permission.DELIVER_SESSIONS)), "role without it");
    }
}
