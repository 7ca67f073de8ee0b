package org.calsync.infrastructure.provider.caldav;

import static org.calsync.infrastructure.provider.caldav.DavXml.CALDAV;
import static org.calsync.infrastructure.provider.caldav.DavXml.CALSERVER;
import static org.calsync.infrastructure.provider.caldav.DavXml.DAV;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Element;

/** A WebDAV 207 answer: its members with the properties CalSync asks for, and a sync-token if any. */
record Multistatus(List<Member> members, String syncToken) {

    /** One response element: a resource, its status, and the properties found for it. */
    record Member(URI href, int status, String etag, String calendarData, String displayName, boolean calendar,
            boolean writable, boolean syncSupported, String ctag, URI principal, URI calendarHome) {
    }

    static Multistatus parse(String xml, URI base) {
        Element root = DavXml.parse(xml);
        List<Member> members = new ArrayList<>();
        for (Element response : DavXml.children(root, DAV, "response")) {
            URI href = DavHref.canonical(base.resolve(DavXml.text(response, DAV, "href").orElse("")));
            int status = DavXml.child(response, DAV, "status").map(e -> statusCode(e.getTextContent())).orElse(200);
            Element found = null;
            for (Element propstat : DavXml.children(response, DAV, "propstat")) {
                int propStatus = DavXml.child(propstat, DAV, "status").map(e -> statusCode(e.getTextContent())).orElse(200);
                if (propStatus / 100 == 2) {
                    found = DavXml.child(propstat, DAV, "prop").orElse(null);
                }
            }
            members.add(found == null ? new Member(href, status, null, null, null, false, false, false, null, null, null)
                    : member(href, status, found, base));
        }
        return new Multistatus(members, DavXml.text(root, DAV, "sync-token").orElse(null));
    }

    private static Member member(URI href, int status, Element prop, URI base) {
        boolean calendar = DavXml.find(prop, DAV, "resourcetype").flatMap(t -> DavXml.child(t, CALDAV, "calendar"))
                .isPresent();
        boolean writable = DavXml.find(prop, DAV, "current-user-privilege-set")
                .map(set -> DavXml.find(set, DAV, "write").isPresent() || DavXml.find(set, DAV, "all").isPresent()
                        || DavXml.find(set, DAV, "write-content").isPresent())
                .orElse(true);
        boolean syncSupported = DavXml.find(prop, DAV, "supported-report-set")
                .map(set -> DavXml.find(set, DAV, "sync-collection").isPresent()).orElse(false);
        return new Member(href, status, DavXml.text(prop, DAV, "getetag").orElse(null),
                DavXml.find(prop, CALDAV, "calendar-data").map(Element::getTextContent).orElse(null),
                DavXml.text(prop, DAV, "displayname").orElse(null), calendar, writable, syncSupported,
                DavXml.text(prop, CALSERVER, "getctag").orElse(null),
                hrefIn(prop, DAV, "current-user-principal", base).orElse(null),
                hrefIn(prop, CALDAV, "calendar-home-set", base).orElse(null));
    }

    private static Optional<URI> hrefIn(Element prop, String namespace, String name, URI base) {
        return DavXml.find(prop, namespace, name).flatMap(e -> DavXml.text(e, DAV, "href")).map(base::resolve);
    }

    /** "HTTP/1.1 404 Not Found" to 404. */
    private static int statusCode(String statusLine) {
        String[] parts = statusLine.strip().split(" ");
        try {
            return parts.length > 1 ? Integer.parseInt(parts[1]) : 200;
        } catch (NumberFormatException e) {
            return 200;
        }
    }
}
