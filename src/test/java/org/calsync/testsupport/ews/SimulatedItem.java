package org.calsync.testsupport.ews;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One calendar item in a simulated mailbox, with the fields CalSync reads and writes. */
public final class SimulatedItem {

    final String id;
    int changeNumber = 1;
    String subject = "";
    String body;
    Instant start;
    Instant end;
    boolean allDay;
    /** Busy, Free, Tentative, OOF, WorkingElsewhere, NoData. */
    String freeBusy = "Busy";
    /** Normal, Personal, Private, Confidential. */
    String sensitivity = "Normal";
    String location;
    String startTimeZoneId;
    String uid;
    /** Extended properties by "PropertySetId/PropertyName". */
    final Map<String, String> extended = new LinkedHashMap<>();
    /** Answered as a item that does not parse as a calendar item, for the malformed-item fault. */
    boolean malformed;

    SimulatedItem(String id) {
        this.id = id;
        this.uid = "040000008200E00074C5B7101A82E008" + id.hashCode();
    }

    public String id() {
        return id;
    }

    public String changeKey() {
        return "CK" + changeNumber;
    }

    public String subject() {
        return subject;
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    public String location() {
        return location;
    }

    public String body() {
        return body;
    }

    public String startTimeZoneId() {
        return startTimeZoneId;
    }

    public Map<String, String> extendedProperties() {
        return Map.copyOf(extended);
    }

    void touched() {
        changeNumber++;
    }
}
