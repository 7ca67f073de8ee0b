package org.calsync.domain.model.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;

import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.ExternalCalendar;
import org.calsync.domain.model.calendar.RemoteCalendar;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.PrivacyMode;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.ConflictException;
import org.junit.jupiter.api.Test;

/** Each kind of alert is settled its own way, once. */
class AdminAlertTest {

    private static final TenantId TENANT = new TenantId("t-1");
    private final ExternalCalendar calendar = new CalendarAccount(TENANT, "p-1", CalendarProviderType.CALDAV,
            URI.create("https://dav.example.org/"), "pat", "secret", PrivacyMode.DEFAULT,
            List.of(new RemoteCalendar("/pat/work/", "work", true, true))).calendars().get(0);

    @Test
    void aLateCancellationIsApprovedOrRefusedNeverJustMarkedDone() {
        AdminAlert late = AdminAlert.aboutSession(TENANT, AdminAlert.Kind.LEARNER_CANCELLED_LATE, "s-1", "p-1", calendar,
                SyncNote.by(SyncNote.Kind.ALERT_LATE_CANCELLATION, "Leo", "Excel basics"));
        assertThrows(ConflictException.class, () -> late.resolve(AdminAlert.Decision.DONE));
        late.resolve(AdminAlert.Decision.REFUSED);
        assertEquals(AdminAlert.Decision.REFUSED, late.decision());
        assertThrows(ConflictException.class, () -> late.resolve(AdminAlert.Decision.APPROVED), "decided once");
    }

    @Test
    void aHeldCalendarIsReleasedAndANoticeMarkedDone() {
        AdminAlert held = AdminAlert.calendarHeld(TENANT, calendar, SyncNote.heldRemoving(7, 9).asAlert("Pat", "work"));
        assertEquals(calendar.id(), held.calendarId());
        assertEquals("p-1", held.personId());
        assertThrows(ConflictException.class, () -> held.resolve(AdminAlert.Decision.APPROVED));
        held.resolve(AdminAlert.Decision.RELEASED);
        AdminAlert notice = AdminAlert.aboutSession(TENANT, AdminAlert.Kind.INSTRUCTOR_DELETED, "s-1", "p-1", calendar,
                SyncNote.by(SyncNote.Kind.ALERT_INSTRUCTOR_DELETED, "Pat", "Excel basics"));
        assertThrows(ConflictException.class, () -> notice.resolve(AdminAlert.Decision.RELEASED));
        notice.resolve(AdminAlert.Decision.DONE);
        assertEquals(AdminAlert.Decision.DONE, notice.decision());
    }
}
