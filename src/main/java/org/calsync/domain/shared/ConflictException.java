package org.calsync.domain.shared;

/** The request is well formed but clashes with what is already stored (a duplicate, a cancelled session). */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
