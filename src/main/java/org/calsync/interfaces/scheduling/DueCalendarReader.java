package org.calsync.interfaces.scheduling;

import java.io.Serializable;
import java.util.List;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.application.CalendarPull;
import org.calsync.application.CalendarPull.TenantCalendarRef;
import org.calsync.domain.model.tenant.TenantId;

/** Reads the calendars to pull; its checkpoint is the position in that list, so a restart resumes there. */
@Named
@Dependent
public class DueCalendarReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String tenantId;

    @Inject
    @BatchProperty
    String personId;

    @Inject
    private CalendarPull pull;

    private List<TenantCalendarRef> calendars;
    private int next;

    @Override
    public void open(Serializable checkpoint) {
        calendars = pull.calendarsToPull(blank(tenantId) ? null : new TenantId(tenantId), blank(personId) ? null : personId);
        next = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() {
        return next < calendars.size() ? calendars.get(next++) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
