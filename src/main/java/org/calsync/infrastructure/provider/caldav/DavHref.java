package org.calsync.infrastructure.provider.caldav;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One spelling for every resource URL. Servers encode hrefs in their own way ("@" or "%40"), and CalSync
 * compares the URL it wrote to with the hrefs a REPORT returns, so both go through here.
 */
final class DavHref {

    private DavHref() {
    }

    static URI canonical(URI uri) {
        String[] segments = uri.getPath().split("/", -1);
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                path.append('/');
            }
            path.append(encode(segments[i]));
        }
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path);
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
