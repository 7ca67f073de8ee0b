package org.calsync.infrastructure.provider.graph;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.ibm.icu.util.TimeZone;

/**
 * Graph names zones the Windows way ("W. Europe Standard Time") unless told otherwise, and accepts IANA
 * names too. CalSync asks for and writes Windows names, which every mailbox understands, through the
 * Unicode CLDR mapping that ICU ships; a zone Windows has no name for is written in UTC.
 */
final class GraphTimeZones {

    private GraphTimeZones() {
    }

    /** The name to write or to ask for with {@code Prefer: outlook.timezone}. */
    static String nameOf(ZoneId zone) {
        if (zone.normalized() instanceof ZoneOffset offset && offset.getTotalSeconds() == 0) {
            return "UTC";
        }
        String windows = TimeZone.getWindowsID(zone.getId());
        return windows != null ? windows : "UTC";
    }

    /** The zone of a name Graph sent, in either naming. */
    static ZoneId zoneOf(String name) {
        if (name == null || name.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException notIana) {
            String iana = TimeZone.getIDForWindowsID(name, null);
            if (iana == null) {
                throw new IllegalArgumentException("an unknown time zone: " + name);
            }
            return ZoneId.of(iana);
        }
    }
}
