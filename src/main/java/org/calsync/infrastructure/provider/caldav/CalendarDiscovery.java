package org.calsync.infrastructure.provider.caldav;

import java.net.URI;
import java.util.List;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.RemoteCalendar;

/**
 * RFC 6764 / RFC 4791 discovery: /.well-known/caldav (or the URL given), the current user's principal,
 * its calendar home, and the calendars in it that hold events.
 */
final class CalendarDiscovery {

    private static final String PRINCIPAL_QUERY = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
              <d:prop><d:current-user-principal/><c:calendar-home-set/></d:prop>
            </d:propfind>""";
    private static final String CALENDARS_QUERY = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:cs="http://calendarserver.org/ns/">
              <d:prop><d:resourcetype/><d:displayname/><d:current-user-privilege-set/><d:supported-report-set/>
                <cs:getctag/><c:supported-calendar-component-set/></d:prop>
            </d:propfind>""";

    private final DavTransport dav;

    CalendarDiscovery(DavTransport dav) {
        this.dav = dav;
    }

    List<RemoteCalendar> calendars() {
        URI home = calendarHome();
        Multistatus listing = propfind(home, "1", CALENDARS_QUERY);
        return listing.members().stream()
                .filter(Multistatus.Member::calendar)
                .map(m -> new RemoteCalendar(m.href().toString(),
                        m.displayName() == null ? lastSegment(m.href()) : m.displayName(), m.writable(),
                        m.syncSupported()))
                .toList();
    }

    URI calendarHome() {
        URI start = dav.server().getPath() == null || dav.server().getPath().isEmpty() || "/".equals(dav.server().getPath())
                ? dav.server().resolve("/.well-known/caldav") : dav.server();
        Multistatus first = propfind(start, "0", PRINCIPAL_QUERY);
        Multistatus.Member self = first.members().stream().findFirst()
                .orElseThrow(() -> new AuthorisationLostException("The server did not say who the user is."));
        if (self.calendarHome() != null) {
            return self.calendarHome();
        }
        if (self.principal() == null) {
            throw new AuthorisationLostException("The server did not name the user's principal; check the URL.");
        }
        Multistatus principal = propfind(self.principal(), "0", PRINCIPAL_QUERY);
        return principal.members().stream().map(Multistatus.Member::calendarHome).filter(h -> h != null).findFirst()
                .orElseThrow(() -> new AuthorisationLostException("The account has no calendar home on this server."));
    }

    private Multistatus propfind(URI uri, String depth, String body) {
        // Redirects (servers redirect /.well-known/caldav) are followed by the transport, never from https to http.
        DavResponse response = dav.query("PROPFIND", uri, depth, body);
        if (response.status() == 403) {
            throw new AuthorisationLostException("The server refused access to " + uri.getPath() + " (HTTP 403).");
        }
        if (response.status() != 207) {
            throw new AuthorisationLostException("No CalDAV service at " + uri + " (HTTP " + response.status() + ").");
        }
        return Multistatus.parse(response.body(), response.uri()); // hrefs are relative to where the answer came from
    }

    private static String lastSegment(URI uri) {
        String path = uri.getPath().replaceAll("/+$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
