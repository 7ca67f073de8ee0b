package org.calsync.infrastructure.provider.ical;

/** An iCalendar object that cannot be read; the caller skips the item and goes on. */
public class IcsFormatException extends Exception {

    public IcsFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    public IcsFormatException(String message) {
        super(message);
    }
}
