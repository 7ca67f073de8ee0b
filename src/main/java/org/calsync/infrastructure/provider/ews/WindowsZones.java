package org.calsync.infrastructure.provider.ews;

import java.time.ZoneId;
import java.util.Optional;
import java.util.TimeZone;
import java.util.logging.Logger;

import microsoft.exchange.webservices.data.property.complex.time.OlsonTimeZoneDefinition;
import microsoft.exchange.webservices.data.property.complex.time.TimeZoneDefinition;

/**
 * IANA zones as Exchange's Windows zones ("Europe/Berlin" is "W. Europe Standard Time"). The EWS Java API
 * knows most; its table predates zones such as Europe/Kyiv or America/Punta_Arenas, for which the Unicode
 * CLDR mapping that ICU ships is asked. A zone neither knows is written without a zone: the appointment
 * keeps its UTC times, and the log says so.
 */
final class WindowsZones {

    private static final Logger LOG = Logger.getLogger(WindowsZones.class.getName());

    private WindowsZones() {
    }

    static Optional<TimeZoneDefinition> definition(ZoneId zone) {
        OlsonTimeZoneDefinition definition = new OlsonTimeZoneDefinition(TimeZone.getTimeZone(zone));
        if (definition.getId() == null) {
            Optional<String> windows = windowsId(zone);
            if (windows.isEmpty()) {
                LOG.warning(() -> "No Windows time zone for " + zone + "; the appointment is written in UTC");
                return Optional.empty();
            }
            definition.setId(windows.get());
        }
        return Optional.of(definition);
    }

    static Optional<String> windowsId(ZoneId zone) {
        return Optional.ofNullable(com.ibm.icu.util.TimeZone.getWindowsID(zone.getId()));
    }
}
