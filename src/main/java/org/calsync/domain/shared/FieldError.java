package org.calsync.domain.shared;

/** One invalid input, named by the field a person or API client typed it into. */
public record FieldError(String field, String message) {
}
