package org.calsync.domain.shared;

import java.util.List;

/** Input that breaks a domain rule. Nothing has been stored when this is thrown. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    /** One error, worded by a key of the domain's bundle. */
    public InvalidInputException(String field, String key, Object... arguments) {
        this(List.of(new FieldError(field, key, arguments)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        StringBuilder text = new StringBuilder("Invalid input:");
        errors.forEach(e -> text.append(' ').append(e.field()).append(" - ").append(e.message()).append(';'));
        return text.toString();
    }
}
