package org.calsync.infrastructure.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import jakarta.persistence.AttributeConverter;

/**
 * Stores an {@link Instant} (which EclipseLink 4.0 would serialize as a blob) in a TIMESTAMP WITH TIME ZONE
 * column. Drivers disagree on what they hand back for that type: H2 2 gives an OffsetDateTime, PostgreSQL a
 * Timestamp. The column side is therefore typed Object and both are read as the instant they denote, so the
 * JVM's default time zone never shifts a stored value. Writes use an OffsetDateTime in UTC, which both bind.
 */
public class InstantConverter implements AttributeConverter<Instant, Object> {

    @Override
    public Object convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof OffsetDateTime offsetDateTime) {
            return offsetDateTime.toInstant();
        }
        if (column instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (column instanceof ZonedDateTime zonedDateTime) {
            return zonedDateTime.toInstant();
        }
        if (column instanceof Instant instant) {
            return instant;
        }
        throw new IllegalArgumentException("Cannot read an instant from a " + column.getClass().getName());
    }
}
