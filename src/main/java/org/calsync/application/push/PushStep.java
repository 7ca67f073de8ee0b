package org.calsync.application.push;

import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.calendar.PendingWrite;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.tenant.CalendarProviderType;

/**
 * One provider call of a push. Prepared inside a short transaction and carried out outside it, so that no
 * database connection waits on a calendar server; it therefore holds ids and values, never entities.
 */
sealed interface PushStep {

    Target target();

    /**
     * Where the call goes. Calls to an account that needs reconnecting are not made; they wait. When the
     * connection itself could not be made (the sign-in service is down, a token was refused), {@code
     * unreachable} says why, the connection is null, and the call fails as the provider would have failed it.
     */
    record Target(String accountId, String calendarId, CalendarProviderType provider, ProviderConnection connection,
            String credentialsTag, String remoteCalendarId, boolean waitingForReconnect, RuntimeException unreachable) {
    }

    /** Creates (no link yet) or updates (the link's id, and where and at which version we last wrote) the event. */
    record Write(Target target, PendingWrite pending, String linkId, String contentHash) implements PushStep {

        OutgoingEvent event() {
            return pending.event();
        }
    }

    /** Deletes an event that should no longer be in this calendar. */
    record Remove(Target target, String linkId, String remoteId) implements PushStep {
    }
}
