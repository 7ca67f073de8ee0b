package org.calsync.infrastructure.persistence;

import java.time.ZoneId;

import jakarta.persistence.AttributeConverter;

/** Stores an IANA zone by its id, e.g. "Europe/London". */
public class ZoneIdConverter implements AttributeConverter<ZoneId, String> {

    @Override
    public String convertToDatabaseColumn(ZoneId zone) {
        return zone == null ? null : zone.getId();
    }

    @Override
    public ZoneId convertToEntityAttribute(String id) {
        return id == null ? null : ZoneId.of(id);
    }
}
