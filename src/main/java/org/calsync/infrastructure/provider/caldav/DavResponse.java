package org.calsync.infrastructure.provider.caldav;

import java.net.URI;
import java.net.http.HttpHeaders;

/** One HTTP answer from a CalDAV server. */
record DavResponse(URI uri, int status, HttpHeaders headers, String body) {

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
