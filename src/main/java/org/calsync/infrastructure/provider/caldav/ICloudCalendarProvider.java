package org.calsync.infrastructure.provider.caldav;

import jakarta.enterprise.context.ApplicationScoped;

import org.calsync.domain.model.calendar.ProviderTraits;

/** Apple iCloud: CalDAV at Apple's host ({@link CalDavKinds#ICLOUD}). */
@ApplicationScoped
public class ICloudCalendarProvider extends CalDavCalendarProvider {

    @Override
    public ProviderTraits traits() {
        return CalDavKinds.ICLOUD;
    }
}
