package org.calsync.domain.model.calendar;

import java.net.URI;

/**
 * What a provider did with the online meeting an event asked it to host: its join address, or why it made none
 * (a Microsoft 365 account without a Teams licence, a Google account where Meet is turned off).
 */
public record HostedMeeting(URI joinUrl, String refusal) {

    public static HostedMeeting created(URI joinUrl) {
        return new HostedMeeting(joinUrl, null);
    }

    public static HostedMeeting refused(String why) {
        return new HostedMeeting(null, why);
    }

    public boolean isCreated() {
        return joinUrl != null;
    }
}
