package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.util.List;

/**
 * A linked account without its secret. {@code signIn} is how its kind signs in (PASSWORD, APP_PASSWORD, OAUTH or
 * DIRECTORY); {@code organisationSignIn} says the organisation's own credentials reach it (a service account, an
 * application permission), so that nobody types a password or consents for it. {@code statusKind} says what kind
 * of problem the status is (SIGN_IN, UNREACHABLE, BUSY, UNREADABLE, REMOVING or OTHER), null while it works;
 * {@code statusMessage} says it in words. {@code shownAs} is what the person connected, as pages name it: the
 * provider, or OUTLOOK_COM for a personal Microsoft account (read and written through Graph as MICROSOFT_365).
 */
public record CalendarAccountView(String id, String personId, String provider, String shownAs, String signIn,
        boolean organisationSignIn, String serverUrl, String username,
        String status, String statusKind, String statusMessage, String privacyMode, List<CalendarView> calendars)
        implements Serializable {
}
