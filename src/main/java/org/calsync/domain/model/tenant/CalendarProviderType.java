package org.calsync.domain.model.tenant;

/** The kinds of external calendar a tenant may allow its people to link. */
public enum CalendarProviderType {
    EXCHANGE("On-premise Exchange (EWS)", null),
    MICROSOFT_365("Microsoft 365", null),
    GOOGLE("Google Calendar", null),
    ICLOUD("Apple iCloud", "https://caldav.icloud.com/"),
    CALDAV("CalDAV server", null);

    private final String label;
    private final String defaultServer;

    CalendarProviderType(String label, String defaultServer) {
        this.label = label;
        this.defaultServer = defaultServer;
    }

    public String label() {
        return label;
    }

    /** Where discovery starts when nobody gives an address, or null when an address is required. */
    public String defaultServer() {
        return defaultServer;
    }
}
