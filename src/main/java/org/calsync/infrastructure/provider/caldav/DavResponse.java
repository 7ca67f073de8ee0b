package org.calsync.infrastructure.provider.caldav;

import java.net.URI;
import java.util.Map;

/** One HTTP answer from a CalDAV server, with each header's first value by its name in any case. */
record DavResponse(URI uri, int status, Map<String, String> headers, String body) {

    String header(String name) {
        return headers.get(name);
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
