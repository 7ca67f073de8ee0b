package org.calsync.domain.model.calendar;

import java.util.List;

import org.calsync.domain.model.tenant.CalendarProviderType;

/**
 * The port to a provider that tells of changes over connections CalSync holds open, so that no inbound route to
 * CalSync is needed (Exchange's streaming notifications). Each adapter that can declares it in its own folder.
 */
public interface ChangeStreams {

    CalendarProviderType type();

    /**
     * Subscribes each calendar and opens one stream that carries them all. They must share one sign-in: the same
     * service account on one server, or one person's own account. A calendar whose subscription is refused is left
     * out and named in {@link ChangeStream#refused()}; the others are streamed.
     *
     * @throws StreamingRefusedException when the server cannot stream changes at all: its calendars are polled
     * @throws ProviderUnavailableException when the server cannot be reached, or is busy
     * @throws AuthorisationLostException when the sign-in no longer works
     */
    ChangeStream open(List<StreamedCalendar> calendars, ChangeStreamListener listener);

    /** How many calendars one stream may carry (Exchange: 200 mailboxes per connection by default). */
    int calendarsPerStream();

    /** The server cannot stream changes (its release is older than streaming notifications, or it refuses them). */
    class StreamingRefusedException extends RuntimeException {
        public StreamingRefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
