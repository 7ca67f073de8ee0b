package org.calsync.interfaces.jobs;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.calsync.application.watch.ChangeStreaming;
import org.calsync.domain.model.tenant.CalendarProviderType;

/**
 * Every five seconds, on every instance, keeps this instance's share of the change streams open (see
 * {@link ChangeStreaming}); a notified calendar is pulled through {@link NotifiedPulls}, as a webhook's is.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChangeStreamUpkeep {

    private static final Logger LOG = Logger.getLogger(ChangeStreamUpkeep.class.getName());

    @Inject
    private ChangeStreaming streaming;

    @Inject
    private NotifiedPulls pulls;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void upkeep() {
        try {
            streaming.upkeep(calendar -> pulls.pullSoon(calendar, CalendarProviderType.EXCHANGE));
        } catch (RuntimeException e) {
            // The database or a server may be away for a moment; the next upkeep tries again.
            LOG.log(Level.WARNING, "Change-stream upkeep failed", e);
        }
    }
}
