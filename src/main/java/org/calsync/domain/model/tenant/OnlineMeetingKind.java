package org.calsync.domain.model.tenant;


/**
 * An online meeting CalSync has a provider generate for a session, through the lead instructor's linked account of
 * the provider that hosts it: Microsoft Teams through Microsoft 365 (Graph), Google Meet through Google Calendar.
 */
public enum OnlineMeetingKind {
    TEAMS(CalendarProviderType.MICROSOFT_365),
    GOOGLE_MEET(CalendarProviderType.GOOGLE);

    private final CalendarProviderType host;

    OnlineMeetingKind(CalendarProviderType host) {
        this.host = host;
    }

    /** The kind of account that can create it. */
    public CalendarProviderType host() {
        return host;
    }
}
