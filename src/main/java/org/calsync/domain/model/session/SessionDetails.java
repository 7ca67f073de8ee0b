package org.calsync.domain.model.session;

import org.calsync.domain.shared.Validation;

/**
 * The descriptive part of a session as typed by an admin or sent by the host platform. Always valid once
 * built: text is trimmed, blanks become null, and the meeting link is an http(s) address.
 */
public record SessionDetails(String courseTitle, String venue, String meetingLink, String description) {

    public SessionDetails {
        Validation validation = new Validation();
        courseTitle = validation.required("courseTitle", courseTitle, 300, "label.courseTitle");
        venue = validation.optional("venue", venue, 300, "label.venue");
        meetingLink = validation.webLink("meetingLink", meetingLink, "label.meetingLink");
        description = validation.optional("description", description, 4000, "label.description");
        validation.throwIfInvalid();
    }
}
