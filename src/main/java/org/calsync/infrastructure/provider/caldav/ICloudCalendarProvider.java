package org.calsync.infrastructure.provider.caldav;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;

import org.calsync.domain.model.tenant.CalendarProviderType;

/**
 * Apple iCloud: CalDAV at Apple's host, signed in with an Apple ID and an app-specific password (the
 * account password is refused when two-factor authentication is on, which it always is today).
 */
@ApplicationScoped
public class ICloudCalendarProvider extends CalDavCalendarProvider {

    /** Where discovery starts unless the person or the admin gives another address. */
    public static final URI DEFAULT_SERVER = URI.create("https://caldav.icloud.com/");

    @Override
    public CalendarProviderType type() {
        return CalendarProviderType.ICLOUD;
    }
}
