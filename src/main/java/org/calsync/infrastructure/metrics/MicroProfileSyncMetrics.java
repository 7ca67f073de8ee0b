package org.calsync.infrastructure.metrics;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.sync.SyncMetrics;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/** {@link SyncMetrics} in the application registry; a metric exists from the first time its figure moves. */
@ApplicationScoped
public class MicroProfileSyncMetrics implements SyncMetrics {

    private static final Metadata PUSH_LATENCY = seconds("calsync.push.latency",
            "From a change on the platform to the event written to, or removed from, a calendar");
    private static final Metadata PULL_DURATION = seconds("calsync.pull.duration", "Time to read one calendar");
    private static final Metadata PULL_REQUESTS = Metadata.builder().withName("calsync.pull.requests")
            .withDescription("Requests to the calendar server for one calendar's read").build();
    private static final Metadata FAILURES = Metadata.builder().withName("calsync.failures")
            .withDescription("Calls to calendar servers that failed, by what the failure was").build();
    private static final Metadata THROTTLE_PAUSE = seconds("calsync.throttle.pause",
            "How long a calendar server asked CalSync to wait");
    private static final Metadata NOTIFICATION_LAG = seconds("calsync.notification.lag",
            "From a calendar server's change notification to that calendar read");

    private final MetricRegistry registry;

    @Inject
    public MicroProfileSyncMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** For the container's proxy only. */
    protected MicroProfileSyncMetrics() {
        this(null);
    }

    private static Metadata seconds(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).withUnit(MetricUnits.SECONDS).build();
    }

    private static Tag provider(CalendarProviderType provider) {
        return new Tag("provider", provider.name());
    }

    @Override
    public void pushed(CalendarProviderType provider, Duration sinceChange) {
        registry.timer(PUSH_LATENCY, provider(provider)).update(notNegative(sinceChange));
    }

    @Override
    public void pulled(CalendarProviderType provider, Duration took, int requests) {
        registry.timer(PULL_DURATION, provider(provider)).update(notNegative(took));
        registry.histogram(PULL_REQUESTS, provider(provider)).update(requests);
    }

    @Override
    public void failed(CalendarProviderType provider, Work work, FailureKind kind) {
        registry.counter(FAILURES, provider(provider), new Tag("work", work.name()), new Tag("kind", kind.name()))
                .inc();
    }

    @Override
    public void throttled(CalendarProviderType provider, Duration pause) {
        registry.timer(THROTTLE_PAUSE, provider(provider)).update(notNegative(pause));
    }

    @Override
    public void notified(CalendarProviderType provider, Duration lag) {
        registry.timer(NOTIFICATION_LAG, provider(provider)).update(notNegative(lag));
    }

    /** Clocks of two instances may differ a little; a figure is never below zero. */
    private static Duration notNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
