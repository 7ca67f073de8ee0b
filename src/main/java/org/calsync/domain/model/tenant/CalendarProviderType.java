package org.calsync.domain.model.tenant;

/** The kinds of external calendar a tenant may allow its people to link. */
public enum CalendarProviderType {
    EXCHANGE("On-premise Exchange (EWS)"),
    MICROSOFT_365("Microsoft 365"),
    GOOGLE("Google Calendar"),
    ICLOUD("Apple iCloud"),
    CALDAV("CalDAV server");

    private final String label;

    CalendarProviderType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
