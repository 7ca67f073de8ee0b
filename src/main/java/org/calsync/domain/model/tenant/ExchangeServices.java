package org.calsync.domain.model.tenant;

import java.net.URI;
import java.util.Optional;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ServerOptions;
import org.calsync.domain.model.calendar.ProviderUnavailableException;

/**
 * What Exchange offers beside calendars, for setting it up: Autodiscover, and the release a server says it
 * runs. The EWS adapter implements it; nothing of the EWS API crosses it.
 */
public interface ExchangeServices {

    /**
     * Finds the EWS address of a mailbox through Autodiscover, signing in as the given account.
     *
     * @param options the organisation's Exchange options, as for a {@link ProviderConnection}
     * @throws AuthorisationLostException when Autodiscover refused the sign-in
     * @throws ProviderUnavailableException when no Autodiscover address answered; the message names each
     *         address tried and what happened there
     */
    URI discoverEwsUrl(String mailbox, String username, String password, ServerOptions options);

    /** Signs in, opens the connection's calendar, and reports what the server said it runs. */
    ServerCheck check(ProviderConnection connection);

    /**
     * What a check found.
     *
     * @param calendarName the calendar folder's name, e.g. "Calendar"
     * @param build the version the server reported, e.g. "15.1.2507.6", or null when it said none
     * @param release the release that version belongs to, when CalSync knows it
     */
    record ServerCheck(String calendarName, String build, Optional<ExchangeServerVersion> release) {
    }
}
