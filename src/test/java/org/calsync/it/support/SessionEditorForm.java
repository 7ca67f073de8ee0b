package org.calsync.it.support;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The console's session editor (admin/session.xhtml) as its form posts it, for tests that post it without a browser. */
public final class SessionEditorForm {

    private static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private SessionEditorForm() {
    }

    /** A new active session in London, Room 3, saved with the form's Create button; add the view state to post it. */
    public static Map<String, String> filled(String title, LocalDateTime start, LocalDateTime end) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("sessionForm", "sessionForm");
        form.put("sessionForm:courseTitle", title);
        form.put("sessionForm:start_input", FORM_TIME.format(start));
        form.put("sessionForm:end_input", FORM_TIME.format(end));
        form.put("sessionForm:timeZone_input", "Europe/London");
        form.put("sessionForm:venue", "Room 3");
        form.put("sessionForm:meetingLink", "");
        form.put("sessionForm:description", "");
        form.put("sessionForm:initialState", "ACTIVE");
        form.put("sessionForm:save", "");
        return form;
    }
}
