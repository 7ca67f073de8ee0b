package org.calsync.infrastructure.provider.caldav;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.RemoteEvent;
import org.calsync.domain.model.calendar.SkippedItem;
import org.calsync.domain.model.calendar.SyncCursor;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.infrastructure.provider.ical.IcsFormatException;
import org.calsync.infrastructure.provider.ical.IcsReader;

/**
 * Reads what changed in one calendar collection.
 * <ul>
 * <li>With RFC 6578: a sync-collection REPORT from the stored token, then calendar-multiget for the changed
 * resources. An unchanged calendar costs one request. A token the server no longer accepts (403 or 409
 * with valid-sync-token) leads to a full read.</li>
 * <li>Without it: the collection's ctag; when it changed, a calendar-query over the window.</li>
 * </ul>
 * Cursors are "sync:&lt;token&gt;" or "ctag:&lt;ctag&gt;".
 */
final class CollectionReader {

    static final int MULTIGET_BATCH = 100;
    private static final String SYNC = "sync:";
    private static final String CTAG = "ctag:";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final DavTransport dav;
    private final IcsReader ics;

    CollectionReader(DavTransport dav, IcsReader ics) {
        this.dav = dav;
        this.ics = ics;
    }

    ChangeBatch changesSince(URI collection, SyncCursor cursor, TimeWindow window) {
        int before = dav.requests();
        ChangeBatch batch;
        if (!cursor.isNone() && cursor.value().startsWith(CTAG)) {
            batch = byCtag(collection, cursor.value().substring(CTAG.length()), window);
        } else {
            String token = cursor.isNone() ? "" : cursor.value().substring(SYNC.length());
            batch = bySyncToken(collection, token, window);
        }
        return new ChangeBatch(batch.changed(), batch.removed(), batch.skipped(), batch.next(), batch.fullRead(),
                dav.requests() - before);
    }

    private ChangeBatch bySyncToken(URI collection, String token, TimeWindow window) {
        DavResponse response = report(collection, "1", syncCollection(token));
        if (!token.isEmpty() && (response.status() == 403 || response.status() == 409)
                && response.body() != null && response.body().contains("valid-sync-token")) {
            return bySyncToken(collection, "", window);
        }
        if (response.status() != 207) {
            // The server does not do RFC 6578 (or not on this collection): fall back to ctag and time range.
            return byCtag(collection, null, window);
        }
        Multistatus answer = Multistatus.parse(response.body(), collection);
        List<String> removed = new ArrayList<>();
        List<URI> changed = new ArrayList<>();
        for (Multistatus.Member member : answer.members()) {
            if (member.href().equals(DavHref.canonical(collection))) {
                continue;
            }
            if (member.status() == 404 || member.status() == 410) {
                removed.add(member.href().toString());
            } else if (member.href().getPath().endsWith(".ics") || member.etag() != null) {
                changed.add(member.href());
            }
        }
        List<RemoteEvent> events = new ArrayList<>();
        List<SkippedItem> skipped = new ArrayList<>();
        for (int i = 0; i < changed.size(); i += MULTIGET_BATCH) {
            multiget(collection, changed.subList(i, Math.min(changed.size(), i + MULTIGET_BATCH)), window, events, skipped);
        }
        return new ChangeBatch(events, removed, skipped, new SyncCursor(SYNC + answer.syncToken()), token.isEmpty(), 0);
    }

    private ChangeBatch byCtag(URI collection, String knownCtag, TimeWindow window) {
        DavResponse state = dav.query("PROPFIND", collection, "0", """
                <?xml version="1.0" encoding="utf-8"?>
                <d:propfind xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/"><d:prop><cs:getctag/></d:prop></d:propfind>""");
        String ctag = state.status() == 207 ? Multistatus.parse(state.body(), collection).members().stream()
                .map(Multistatus.Member::ctag).filter(c -> c != null).findFirst().orElse(null) : null;
        if (ctag != null && ctag.equals(knownCtag)) {
            return new ChangeBatch(List.of(), List.of(), List.of(), new SyncCursor(CTAG + ctag), false, 0);
        }
        DavResponse response = report(collection, "1", timeRangeQuery(window));
        if (response.status() != 207) {
            throw new ProviderUnavailableException(FailureKind.OTHER,
                    "The calendar could not be read (HTTP " + response.status() + ")", null, null);
        }
        List<RemoteEvent> events = new ArrayList<>();
        List<SkippedItem> skipped = new ArrayList<>();
        readMembers(Multistatus.parse(response.body(), collection), window, events, skipped);
        return new ChangeBatch(events, List.of(), skipped, new SyncCursor(ctag == null ? null : CTAG + ctag), true, 0);
    }

    private void multiget(URI collection, List<URI> hrefs, TimeWindow window, List<RemoteEvent> events,
            List<SkippedItem> skipped) {
        StringBuilder body = new StringBuilder("""
                <?xml version="1.0" encoding="utf-8"?>
                <c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
                  <d:prop><d:getetag/><c:calendar-data/></d:prop>
                """);
        hrefs.forEach(href -> body.append("  <d:href>").append(DavXml.escape(href.getRawPath())).append("</d:href>\n"));
        body.append("</c:calendar-multiget>");
        DavResponse response = report(collection, "1", body.toString());
        if (response.status() != 207) {
            throw new ProviderUnavailableException(FailureKind.OTHER,
                    "The calendar's events could not be fetched (HTTP " + response.status() + ")", null, null);
        }
        readMembers(Multistatus.parse(response.body(), collection), window, events, skipped);
    }

    private void readMembers(Multistatus answer, TimeWindow window, List<RemoteEvent> events, List<SkippedItem> skipped) {
        for (Multistatus.Member member : answer.members()) {
            if (member.calendarData() == null) {
                continue;
            }
            try {
                events.add(ics.read(member.href().toString(), member.etag(), member.calendarData(), window.from(),
                        window.to()));
            } catch (IcsFormatException e) {
                skipped.add(new SkippedItem(member.href().toString(), e.getMessage()));
            }
        }
    }

    private DavResponse report(URI collection, String depth, String body) {
        return dav.query("REPORT", collection, depth, body);
    }

    private static String syncCollection(String token) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <d:sync-collection xmlns:d="DAV:">
                  <d:sync-token>%s</d:sync-token>
                  <d:sync-level>1</d:sync-level>
                  <d:prop><d:getetag/></d:prop>
                </d:sync-collection>""".formatted(DavXml.escape(token));
    }

    private static String timeRangeQuery(TimeWindow window) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
                  <d:prop><d:getetag/><c:calendar-data/></d:prop>
                  <c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT">
                    <c:time-range start="%s" end="%s"/>
                  </c:comp-filter></c:comp-filter></c:filter>
                </c:calendar-query>""".formatted(format(window.from()), format(window.to()));
    }

    private static String format(Instant instant) {
        return UTC.format(instant);
    }
}
