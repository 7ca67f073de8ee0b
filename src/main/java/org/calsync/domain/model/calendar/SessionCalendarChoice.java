package org.calsync.domain.model.calendar;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.InvalidInputException;

/**
 * The calendar one session goes to in one of a person's accounts, instead of the account's usual target: an
 * instructor keeps a workshop in a "Teaching" calendar while the rest goes to "Work", say. Only a calendar that
 * accepts events can be chosen.
 */
public class SessionCalendarChoice {

    private String id;
    private String tenantId;
    private String sessionId;
    private String personId;
    private String accountId;
    private ExternalCalendar calendar;
    private Instant chosenAt;
    private long version;

    protected SessionCalendarChoice() {
        // for JPA
    }

    public SessionCalendarChoice(TenantId tenantId, String sessionId, String personId, ExternalCalendar calendar,
            Instant at) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId.value();
        this.sessionId = Objects.requireNonNull(sessionId);
        this.personId = Objects.requireNonNull(personId);
        this.accountId = calendar.account().id();
        moveTo(calendar, at);
    }

    /** The session goes to another calendar of the same account from now on. */
    public void moveTo(ExternalCalendar chosen, Instant at) {
        if (!chosen.account().id().equals(accountId)) {
            throw new InvalidInputException("calendarId", "sessionCalendar.notInAccount");
        }
        if (!chosen.writable()) {
            throw new InvalidInputException("calendarId", "calendars.readOnly");
        }
        this.calendar = chosen;
        this.chosenAt = at;
        chosen.receiveChosenSessions();
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public String personId() {
        return personId;
    }

    public String accountId() {
        return accountId;
    }

    public ExternalCalendar calendar() {
        return calendar;
    }

    public Instant chosenAt() {
        return chosenAt;
    }
}
