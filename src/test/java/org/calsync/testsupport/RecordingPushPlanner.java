package org.calsync.testsupport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.calsync.application.sessions.PushPlanner;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.tenant.TenantId;

/** Remembers whose calendars were to be brought in line, instead of writing outbox entries. */
public final class RecordingPushPlanner extends PushPlanner {

    /** The people of each call, in order. */
    public final List<List<String>> planned = new ArrayList<>();

    public RecordingPushPlanner() {
        this(null);
    }

    /** One that can tell whether a session's lead instructor has an account to host its meeting. */
    public RecordingPushPlanner(CalendarAccountRepository accounts) {
        super(null, accounts, null, null, null, null);
    }

    @Override
    public void plan(TenantId tenant, String sessionId, Collection<String> personIds) {
        planned.add(List.copyOf(personIds));
    }
}
