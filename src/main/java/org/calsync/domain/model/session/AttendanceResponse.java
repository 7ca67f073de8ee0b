package org.calsync.domain.model.session;

/** A person's answer to a session's invitation, as iCalendar's PARTSTAT says it. */
public enum AttendanceResponse {
    NO_ANSWER,
    ACCEPTED,
    TENTATIVE,
    DECLINED
}
