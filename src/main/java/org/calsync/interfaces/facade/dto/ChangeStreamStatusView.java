package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/**
 * How a tenant's Exchange calendars tell CalSync of their changes, for the console.
 *
 * @param on             streaming is chosen in the Exchange settings
 * @param streamed       calendars watched over streaming connections
 * @param pullSubscribed calendars watched through pull subscriptions, as their server cannot stream
 * @param askedEverySeconds how often a pull subscription is asked for its changes
 * @param polled         calendars read every few minutes, as their server cannot stream
 * @param waiting        calendars not watched yet, or after a failure tried again soon
 * @param lastNotifiedAt the latest change Exchange told of; null before the first
 * @param problem        what went wrong last, or null
 */
public record ChangeStreamStatusView(boolean on, int streamed, int pullSubscribed, long askedEverySeconds, int polled,
        int waiting, Instant lastNotifiedAt, String problem) implements Serializable {
}
