package org.calsync.interfaces.jobs;

import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.application.pull.CalendarPull.TenantCalendarRef;
import org.calsync.application.pull.CalendarPull;
import org.calsync.domain.model.tenant.TenantId;

/**
 * Starts pulling one calendar and hands on its future outcome: the calendars of a chunk are pulled side by side, and
 * {@link PullOutcomeWriter} waits for them all before the chunk's checkpoint. Each pull commits on its own, so one
 * calendar's failure never undoes another's, and each kind of calendar keeps its own limits (Exchange's requests per
 * server, Graph's per mailbox) in its adapter.
 * <p>
 * The pulls run on threads of their own. Payara's {@code @Transactional} interceptors keep the caller's transaction
 * rules in a field that concurrent calls share, and can leave another thread's rules on the batch thread; the batch
 * runtime's own commit of the chunk is then refused ("Operation not allowed"). The batch thread therefore never
 * enters those interceptors.
 */
@Named
@Dependent
@ManagedExecutorDefinition(name = CalendarPullProcessor.PULL_WORKERS, maxAsync = CalendarPullProcessor.PARALLEL_PULLS)
public class CalendarPullProcessor implements ItemProcessor {

    static final String PULL_WORKERS = "java:app/concurrent/calsync-pull-workers";
    /**
     * Calendars pulled at once by one job: the hourly job's chunk. Reading a calendar is mostly waiting on its
     * server, so two cores keep this many busy; the database sees short transactions only.
     */
    static final int PARALLEL_PULLS = 10;

    @Inject
    private CalendarPull pull;

    @Resource(lookup = PULL_WORKERS)
    private ManagedExecutorService workers;

    @Override
    public Object processItem(Object item) {
        TenantCalendarRef calendar = (TenantCalendarRef) item;
        return workers.submit(() -> pull.pull(new TenantId(calendar.tenantId()), calendar.accountId(),
                calendar.calendarId()).outcome().name());
    }
}
