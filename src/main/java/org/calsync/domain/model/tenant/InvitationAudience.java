package org.calsync.domain.model.tenant;

/** Who gets sessions as email invitations, when the organisation sends them. */
public enum InvitationAudience {
    /** Only people with no linked calendar that receives sessions: most learners. */
    WITHOUT_LINKED_CALENDAR,
    /** Everyone on a session, as well as their linked calendars. */
    EVERYONE
}
