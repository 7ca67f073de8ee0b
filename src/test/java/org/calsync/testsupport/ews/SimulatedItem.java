package org.calsync.testsupport.ews;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    /** Unknown, Organizer, Tentative, Accept, Decline, NoResponseReceived: the mailbox owner's answer. */
    String myResponse = "Organizer";
    String startTimeZoneId;
    String uid;
    /** PidLidCleanGlobalObjectId in base64, for a meeting Exchange received by email; null for others. */
    String cleanGlobalObjectId;
    /** Extended properties by "PropertySetId/PropertyName". */
    final Map<String, String> extended = new LinkedHashMap<>();
    /** Exchange cannot convert this item's properties (ErrorCorruptData); only its id can be read. */
    boolean malformed;
    /** For a recurring series: how often, how many occurrences, and its exceptions by occurrence index. */
    Duration every;
    int count;
    final Map<Integer, Instant[]> movedOccurrences = new LinkedHashMap<>();
    final Set<Integer> deletedOccurrences = new HashSet<>();

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

    boolean recurring() {
        return every != null;
    }

    /** The occurrences as a calendar view shows them: index, start and end, exceptions applied. */
    List<Occurrence> occurrences() {
        List<Occurrence> result = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            if (deletedOccurrences.contains(index)) {
                continue;
            }
            Instant[] moved = movedOccurrences.get(index);
            Instant offset = start.plus(every.multipliedBy(index));
            result.add(new Occurrence(index, moved != null ? moved[0] : offset,
                    moved != null ? moved[1] : offset.plus(Duration.between(start, end)), moved != null));
        }
        return result;
    }

    record Occurrence(int index, Instant start, Instant end, boolean exception) {
    }

    void touched() {
        changeNumber++;
    }
}
