package org.calsync.interfaces.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.calsync.domain.shared.FieldError;
import org.calsync.domain.shared.InvalidInputException;

/**
 * Parses text, dates and times that arrive as JSON values or query parameters, collecting one message per
 * malformed field instead of failing on the first.
 */
final class TextInput {

    private final List<FieldError> errors = new ArrayList<>();

    /** A JSON string's text; null when absent or null; a field error for a number, boolean, array or object. */
    String text(String field, JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        errors.add(new FieldError(field, "api.notText", field));
        return null;
    }

    /** A JSON array of strings as a set, in order; null when absent or null; a field error for anything else. */
    Set<String> texts(String field, JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonArray array && array.stream().allMatch(JsonString.class::isInstance)) {
            Set<String> texts = new LinkedHashSet<>();
            array.getValuesAs(JsonString.class).forEach(text -> texts.add(text.getString()));
            return texts;
        }
        errors.add(new FieldError(field, "api.notTextList", field));
        return null;
    }

    /** Refuses a field that may not be sent here, such as a session's state on update. */
    void absent(String field, JsonValue value, String key) {
        if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
            errors.add(new FieldError(field, key));
        }
    }

    LocalDateTime localDateTime(String field, JsonValue value) {
        return localDateTime(field, text(field, value));
    }

    LocalDateTime localDateTime(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "api.localDateTime"));
            return null;
        }
    }

    /** Ids sent as one comma-separated parameter (people=a,b,c): blanks dropped, each once, in order. */
    static List<String> ids(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(",")).map(String::strip)
                .filter(id -> !id.isEmpty()).distinct().toList();
    }

    LocalDate localDate(String field, String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "api.date"));
            return fallback;
        }
    }

    LocalTime localTime(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "api.time"));
            return null;
        }
    }

    /** An instant (2026-05-04T08:30:00Z) or a date, which means midnight UTC. */
    Instant instant(String field, String text, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "api.instant"));
            return fallback;
        }
    }

    /**
     * A from/to query range with defaults for what is missing; both malformed values are reported
     * together, and "to" must come after "from".
     */
    Range range(String fromText, String toText, Instant defaultFrom, Instant defaultTo) {
        Instant from = instant("from", fromText, defaultFrom);
        Instant to = instant("to", toText, defaultTo);
        throwIfInvalid();
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", "api.toBeforeFrom");
        }
        return new Range(from, to);
    }

    record Range(Instant from, Instant to) {
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
