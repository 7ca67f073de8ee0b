package org.calsync.infrastructure.provider.ews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class WindowsZonesTest {

    private static String windows(String iana) {
        return WindowsZones.definition(ZoneId.of(iana)).orElseThrow().getId();
    }

    @Test
    void knownZonesTakeTheirWindowsNames() {
        assertEquals("W. Europe Standard Time", windows("Europe/Berlin"));
        assertEquals("GMT Standard Time", windows("Europe/London"));
        assertEquals("Eastern Standard Time", windows("America/New_York"));
        assertEquals("India Standard Time", windows("Asia/Kolkata"));
    }

    @Test
    void zonesTheEwsApiDoesNotKnowComeFromCldr() {
        assertEquals("FLE Standard Time", windows("Europe/Kyiv"));
        assertEquals("Magallanes Standard Time", windows("America/Punta_Arenas"));
    }

    @Test
    void aZoneWithoutAWindowsNameIsWrittenInUtcRatherThanFailing() {
        // Troll station's zone (UTC+0, +2 in summer) has no Windows name in either table.
        assertTrue(WindowsZones.definition(ZoneId.of("Antarctica/Troll")).isEmpty());
    }
}
