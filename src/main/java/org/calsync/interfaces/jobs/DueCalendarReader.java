package org.calsync.interfaces.jobs;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.application.pull.CalendarPull.TenantCalendarRef;
import org.calsync.application.pull.CalendarPull;
import org.calsync.domain.model.tenant.TenantId;

/**
 * Reads the calendars to pull; its checkpoint is the position in that list, so a restart resumes there.
 * The list's length starts the step's {@link PullProgress}, so that a progress bar can say how far the job
 * has got.
 */
@Named
@Dependent
public class DueCalendarReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String tenantId;

    /** One person's id, or several separated by commas; blank for everyone. */
    @Inject
    @BatchProperty
    String personId;

    @Inject
    private StepContext step;

    @Inject
    private CalendarPull pull;

    private List<TenantCalendarRef> calendars;
    private int next;

    @Override
    public void open(Serializable checkpoint) {
        TenantId tenant = blank(tenantId) ? null : new TenantId(tenantId);
        if (blank(personId)) {
            calendars = pull.calendarsToPull(tenant, null);
        } else {
            calendars = new ArrayList<>();
            for (String person : personId.split(",")) {
                if (!person.isBlank()) {
                    calendars.addAll(pull.calendarsToPull(tenant, person.strip()));
                }
            }
        }
        next = checkpoint == null ? 0 : (Integer) checkpoint;
        if (!(step.getPersistentUserData() instanceof PullProgress)) { // a restart keeps the counts so far
            step.setPersistentUserData(new PullProgress(calendars.size()));
        }
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
