package org.calsync.infrastructure.provider.caldav;

import org.calsync.domain.model.calendar.ProviderTraits;
import org.calsync.domain.model.calendar.ProviderTraits.SignIn;
import org.calsync.domain.model.tenant.CalendarProviderType;

/**
 * The kinds of calendar reached over CalDAV, and what each can do. CalDAV has no standard way to call back on
 * changes, so both are pulled, and neither answers for people who linked nothing.
 */
final class CalDavKinds {

    /** Any CalDAV server; people give its address. */
    static final ProviderTraits CALDAV = new ProviderTraits(CalendarProviderType.CALDAV, SignIn.PASSWORD, null, null,
            false, false);

    /**
     * Apple iCloud: Apple's host unless another address is given, and an app-specific password (the Apple ID's own
     * password is refused when two-factor authentication is on, which it always is today).
     */
    static final ProviderTraits ICLOUD = new ProviderTraits(CalendarProviderType.ICLOUD, SignIn.APP_PASSWORD,
            "https://caldav.icloud.com/", null, false, false);

    /**
     * Fastmail: its CalDAV host, which discovery starts from, and an app password (Fastmail refuses the account's
     * own password to other apps).
     */
    static final ProviderTraits FASTMAIL = new ProviderTraits(CalendarProviderType.FASTMAIL, SignIn.APP_PASSWORD,
            "https://caldav.fastmail.com/", null, false, false);

    private CalDavKinds() {
    }
}
