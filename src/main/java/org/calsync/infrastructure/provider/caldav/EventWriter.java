package org.calsync.infrastructure.provider.caldav;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.VersionConflictException;
import org.calsync.domain.model.calendar.WriteResult;
import org.calsync.infrastructure.provider.ical.IcsWriter;

/**
 * Conditional PUT and DELETE of the events CalSync owns. A create says If-None-Match: *, so a retry after a
 * crash that finds the event already there (412) updates it instead of making a second one; an update
 * says If-Match with the stored etag, so an edit made meanwhile by someone else is not silently lost.
 */
final class EventWriter {

    private static final String ICS = "text/calendar; charset=utf-8";

    private final DavTransport dav;
    private final IcsWriter ics = new IcsWriter();

    EventWriter(DavTransport dav) {
        this.dav = dav;
    }

    WriteResult put(URI collection, OutgoingEvent event, String expectedVersion) {
        URI target = resourceOf(collection, event.uid());
        String body = ics.write(event);
        DavResponse response = dav.send("PUT", target, conditional(expectedVersion), body);
        if (response.status() == 412 && expectedVersion == null) {
            // Already there: written before a crash or a lost answer. Take its version and update it.
            String current = currentEtag(target);
            response = dav.send("PUT", target, conditional(current), body);
            return result(target, response, false);
        }
        if (response.status() == 412) {
            throw new VersionConflictException("The event " + event.uid() + " was changed on the server.");
        }
        if (response.status() == 409 && expectedVersion == null && isUidConflict(response)) {
            // The calendar holds this session already, under a name another client chose: the person imported
            // the invitation CalSync emailed them before they linked the calendar. That event becomes ours.
            Optional<Multistatus.Member> imported = holderOf(collection, event.uid());
            if (imported.isPresent()) {
                URI adopted = imported.get().href();
                return result(adopted, dav.send("PUT", adopted, conditional(imported.get().etag()), body), false);
            }
        }
        // If-None-Match: * succeeded, so it is new; some servers (Radicale) answer 201 to replacements too.
        return result(target, response, expectedVersion == null);
    }

    void delete(URI resource, String expectedVersion) {
        resource = DavHref.canonical(resource);
        Map<String, String> headers = expectedVersion == null ? Map.of() : Map.of("If-Match", expectedVersion);
        DavResponse response = dav.send("DELETE", resource, headers, null);
        if (response.status() == 412) {
            throw new VersionConflictException("The event at " + resource.getPath() + " was changed on the server.");
        }
        if (!response.isSuccess() && response.status() != 404 && response.status() != 410) {
            throw failure(resource, response);
        }
    }

    /** Our events live at &lt;collection&gt;/&lt;uid&gt;.ics, so a retry computes the same place. */
    static URI resourceOf(URI collection, String uid) {
        URI folder = DavHref.canonical(collection.toString().endsWith("/") ? collection : URI.create(collection + "/"));
        return URI.create(folder + DavHref.encode(uid) + ".ics");
    }

    private WriteResult result(URI target, DavResponse response, boolean created) {
        if (response.status() == 412) {
            throw new VersionConflictException("The event at " + target.getPath() + " changed while it was written.");
        }
        if (!response.isSuccess()) {
            throw failure(target, response);
        }
        String etag = response.header("ETag");
        return new WriteResult(target.toString(), etag != null ? etag : currentEtag(target), created);
    }

    /** RFC 4791's no-uid-conflict precondition: another resource of the collection has this UID. */
    private static boolean isUidConflict(DavResponse response) {
        String body = response.body();
        return body != null && !body.isBlank()
                && DavXml.find(DavXml.parse(body), DavXml.CALDAV, "no-uid-conflict").isPresent();
    }

    /**
     * The resource holding this UID. RFC 4791 lets the precondition name it, but servers seldom do (Radicale
     * does not), so a calendar-query on the UID finds it.
     */
    private Optional<Multistatus.Member> holderOf(URI collection, String uid) {
        DavResponse response = dav.query("REPORT", collection, "1", """
                <?xml version="1.0" encoding="utf-8"?>
                <c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
                  <d:prop><d:getetag/></d:prop>
                  <c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT">
                    <c:prop-filter name="UID"><c:text-match collation="i;octet">%s</c:text-match></c:prop-filter>
                  </c:comp-filter></c:comp-filter></c:filter>
                </c:calendar-query>""".formatted(DavXml.escape(uid)));
        if (response.status() != 207) {
            return Optional.empty();
        }
        return Multistatus.parse(response.body(), collection).members().stream()
                .filter(member -> member.etag() != null && !member.calendar()).findFirst();
    }

    private String currentEtag(URI target) {
        DavResponse response = dav.query("PROPFIND", target, "0",
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:propfind xmlns:d=\"DAV:\"><d:prop><d:getetag/></d:prop></d:propfind>");
        if (response.status() != 207) {
            throw failure(target, response);
        }
        return Multistatus.parse(response.body(), target).members().stream().map(Multistatus.Member::etag)
                .filter(e -> e != null).findFirst().orElse(null);
    }

    private static Map<String, String> conditional(String expectedVersion) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", ICS);
        headers.put(expectedVersion == null ? "If-None-Match" : "If-Match", expectedVersion == null ? "*" : expectedVersion);
        return headers;
    }

    private static RuntimeException failure(URI target, DavResponse response) {
        if (response.status() == 403) {
            return new AuthorisationLostException("The server does not let this account write to " + target.getPath()
                    + " (HTTP 403).");
        }
        return new ProviderUnavailableException(FailureKind.OTHER,
                "The server refused the event at " + target.getPath() + " (HTTP "
                + response.status() + ")", null, null);
    }
}
