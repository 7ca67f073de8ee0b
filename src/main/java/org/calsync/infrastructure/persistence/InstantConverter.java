package org.calsync.infrastructure.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.AttributeConverter;

/**
 * Stores an {@link Instant} (which EclipseLink 4.0 would serialize as a blob) in a TIMESTAMP WITH TIME ZONE
 * column as an OffsetDateTime in UTC. That is the JDBC 4.2 type for the column on both H2 and PostgreSQL,
 * so values and nulls bind with the right SQL type and the JVM's default zone never shifts a stored value
 * (the integration tests run the server in America/Los_Angeles to prove it).
 */
public class InstantConverter implements AttributeConverter<Instant, OffsetDateTime> {

    @Override
    public OffsetDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(OffsetDateTime column) {
        return column == null ? null : column.toInstant();
    }
}
