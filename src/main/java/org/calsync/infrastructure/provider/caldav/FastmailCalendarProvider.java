package org.calsync.infrastructure.provider.caldav;

import jakarta.enterprise.context.ApplicationScoped;

import org.calsync.domain.model.calendar.ProviderTraits;

/** Fastmail: CalDAV at Fastmail's host ({@link CalDavKinds#FASTMAIL}). */
@ApplicationScoped
public class FastmailCalendarProvider extends CalDavCalendarProvider {

    @Override
    public ProviderTraits traits() {
        return CalDavKinds.FASTMAIL;
    }
}
