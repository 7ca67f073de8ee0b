package org.calsync.domain.model.calendar;

import java.util.List;
import java.util.Objects;

/**
 * The instructors an event names, and the heading they stand under.
 *
 * @param names   display names, in the session's order
 * @param heading the other instructors for an instructor, all of them for a learner
 */
public record Staff(List<String> names, StaffHeading heading) {

    /** Whose names follow the heading, from the point of view of the calendar's owner. */
    public enum StaffHeading {
        /** The owner teaches the session too: the other instructors. */
        ALSO_TEACHING("event.alsoTeaching"),
        /** The owner attends it: every instructor. */
        INSTRUCTORS("event.instructors");

        final String key;

        StaffHeading(String key) {
            this.key = key;
        }
    }

    public Staff {
        Objects.requireNonNull(heading, "heading");
        names = names == null ? List.of() : List.copyOf(names);
    }

    /** For an instructor: the session's other instructors. */
    public static Staff alsoTeaching(List<String> otherInstructors) {
        return new Staff(otherInstructors, StaffHeading.ALSO_TEACHING);
    }

    /** For a learner: every instructor of the session. */
    public static Staff instructors(List<String> instructors) {
        return new Staff(instructors, StaffHeading.INSTRUCTORS);
    }
}
