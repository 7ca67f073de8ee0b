package org.calsync.infrastructure.provider.caldav;

import jakarta.enterprise.context.ApplicationScoped;

import org.calsync.domain.model.tenant.CalendarProviderType;

/**
 * Apple iCloud: CalDAV at Apple's host, signed in with an Apple ID and an app-specific password (the
 * account password is refused when two-factor authentication is on, which it always is today). Discovery
 * starts at {@link CalendarProviderType#defaultServer()} unless another address is given.
 */
@ApplicationScoped
public class ICloudCalendarProvider extends CalDavCalendarProvider {

    @Override
    public CalendarProviderType type() {
        return CalendarProviderType.ICLOUD;
    }
}
