package org.calsync.interfaces.scheduling;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.application.CalendarPull;
import org.calsync.application.CalendarPull.TenantCalendarRef;
import org.calsync.domain.model.tenant.TenantId;

/** Pulls one calendar; the pull commits on its own, so one calendar's failure never undoes another's. */
@Named
@Dependent
public class CalendarPullProcessor implements ItemProcessor {

    @Inject
    private CalendarPull pull;

    @Override
    public Object processItem(Object item) {
        TenantCalendarRef calendar = (TenantCalendarRef) item;
        return pull.pull(new TenantId(calendar.tenantId()), calendar.accountId(), calendar.calendarId()).outcome().name();
    }
}
