package org.calsync.domain.model.person;

/** What a role lets a person do. The names double as Jakarta Security groups. */
public enum Permission {
    /** Use the admin console: settings, people, roles. */
    ADMINISTER_TENANT("Administer the organisation"),
    /** Create, change and cancel sessions, assign instructors and register learners. */
    MANAGE_SESSIONS("Manage sessions"),
    /** Can be assigned to deliver sessions as an instructor, tutor or coach. */
    DELIVER_SESSIONS("Deliver sessions"),
    /** Link an external calendar to CalSync. */
    CALENDAR_INTEGRATION("Link external calendars");

    private final String label;

    Permission(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
