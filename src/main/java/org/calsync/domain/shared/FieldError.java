package org.calsync.domain.shared;

import java.util.Locale;

/** One invalid input, named by the field a person or API client typed it into. */
public record FieldError(String field, Message text) {

    public FieldError(String field, String key, Object... arguments) {
        this(field, Message.of(key, arguments));
    }

    /** In English, as the API answers. */
    public String message() {
        return text.english();
    }

    public String message(Locale locale) {
        return text.in(locale);
    }
}
