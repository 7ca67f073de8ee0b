package org.calsync.interfaces.jobs;

import java.util.concurrent.ExecutionException;

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
 * Pulls one calendar; the pull commits on its own, so one calendar's failure never undoes another's.
 * <p>
 * The pull runs on a thread of its own while the batch thread waits. Payara's {@code @Transactional} interceptors
 * keep the caller's transaction rules in a field that concurrent calls share, and can leave another thread's
 * rules on the batch thread; the batch runtime's own commit of the chunk is then refused ("Operation not
 * allowed"). The batch thread therefore never enters those interceptors.
 */
@Named
@Dependent
@ManagedExecutorDefinition(name = CalendarPullProcessor.PULL_WORKERS, maxAsync = 2)
public class CalendarPullProcessor implements ItemProcessor {

    static final String PULL_WORKERS = "java:app/concurrent/calsync-pull-workers";

    @Inject
    private CalendarPull pull;

    @Resource(lookup = PULL_WORKERS)
    private ManagedExecutorService workers;

    @Override
    public Object processItem(Object item) throws Exception {
        TenantCalendarRef calendar = (TenantCalendarRef) item;
        try {
            return workers.submit(() -> pull.pull(new TenantId(calendar.tenantId()), calendar.accountId(),
                    calendar.calendarId()).outcome().name()).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
