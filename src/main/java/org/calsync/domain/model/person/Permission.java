package org.calsync.domain.model.person;

/**
 * What a role lets a person do. The names double as Jakarta Security groups; pages name them in their own
 * language ({@code permission.<NAME>} in the pages' bundle).
 */
public enum Permission {
    /** Use the admin console: settings, people, roles. */
    ADMINISTER_TENANT,
    /** Create, change and cancel sessions, assign instructors and register learners. */
    MANAGE_SESSIONS,
    /** Can be assigned to deliver sessions as an instructor, tutor or coach. */
    DELIVER_SESSIONS,
    /** Link an external calendar to CalSync. */
    CALENDAR_INTEGRATION
}
