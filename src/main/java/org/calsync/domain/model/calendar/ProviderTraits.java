package org.calsync.domain.model.calendar;

import java.util.Objects;

import org.calsync.domain.model.tenant.CalendarProviderType;

/**
 * What one kind of calendar can do and how people sign in to it. Each adapter folder declares its kind's traits,
 * and the application and the pages ask them instead of branching on the kind's name.
 *
 * @param defaultServer where discovery starts when nobody gives an address, or null when an address is required
 * @param notificationRoute the last segment of {@code /api/v1/notifications/…} the provider calls when a calendar
 *        changes, or null when it cannot call back and is only pulled
 * @param organisationFreeBusy whether it answers free/busy for anyone in the organisation, linked or not
 * @param organisationWide whether the organisation's own credentials can reach every person's calendar (a service
 *        account, an application permission), so that nobody signs in and only an administrator can mend access
 */
public record ProviderTraits(CalendarProviderType type, SignIn signIn, String defaultServer, String notificationRoute,
        boolean organisationFreeBusy, boolean organisationWide) {

    public ProviderTraits {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(signIn, "signIn");
    }

    /** How a person's account of this kind is reached. */
    public enum SignIn {
        /** A user name and password on a server the person names. */
        PASSWORD,
        /**
         * A user name and an app-specific password generated in the provider's account settings, at the provider's
         * own server ({@link ProviderTraits#defaultServer()}).
         */
        APP_PASSWORD,
        /** The provider's consent page (OAuth); CalSync keeps the tokens, never a password. */
        OAUTH,
        /**
         * The organisation's directory: the person's own Windows sign-in, or the organisation's service account
         * acting for their mailbox, as the organisation's settings for this kind say.
         */
        DIRECTORY
    }

    public boolean usesOAuth() {
        return signIn == SignIn.OAUTH;
    }

    /** Whether the provider can call CalSync back when a calendar changes; those that cannot are only pulled. */
    public boolean watchesChanges() {
        return notificationRoute != null;
    }
}
