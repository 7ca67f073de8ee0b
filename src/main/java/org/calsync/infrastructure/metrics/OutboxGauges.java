package org.calsync.infrastructure.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.calsync.domain.model.sync.OutboxChannel;
import org.calsync.domain.model.sync.OutboxRepository.Backlog;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The outbox's depth and the age of its oldest entry, per channel (calendars, email): the first figures to
 * watch when changes stop reaching calendars. One read of the outbox answers both, at most every few seconds,
 * however often Prometheus scrapes.
 */
@ApplicationScoped
public class OutboxGauges {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final MetricRegistry registry;
    private final OutboxBacklogReader reader;
    private final Clock clock;
    private Map<OutboxChannel, Backlog> lastRead = Map.of();
    private Instant readAt = Instant.MIN;

    @Inject
    public OutboxGauges(MetricRegistry registry, OutboxBacklogReader reader) {
        this.registry = registry;
        this.reader = reader;
        this.clock = Clock.systemUTC();
    }

    /** For the container's proxy only. */
    protected OutboxGauges() {
        this.registry = null;
        this.reader = null;
        this.clock = null;
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (OutboxChannel channel : OutboxChannel.values()) {
            Tag tag = new Tag("channel", channel.name());
            registry.gauge(Metadata.builder().withName("calsync.outbox.pending")
                    .withDescription("Changes waiting to be delivered, retries and quiet periods included").build(),
                    this, gauges -> gauges.backlog(channel).pending(), tag);
            registry.gauge(Metadata.builder().withName("calsync.outbox.oldest.age").withUnit(MetricUnits.SECONDS)
                    .withDescription("How long the oldest waiting change has waited").build(),
                    this, gauges -> gauges.oldestAge(channel).toSeconds(), tag);
        }
    }

    Backlog backlog(OutboxChannel channel) {
        return backlog().getOrDefault(channel, new Backlog(0, null));
    }

    Duration oldestAge(OutboxChannel channel) {
        Instant oldest = backlog(channel).oldestSince();
        return oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
    }

    private synchronized Map<OutboxChannel, Backlog> backlog() {
        Instant now = clock.instant();
        if (readAt.plus(FRESH_FOR).isBefore(now)) {
            lastRead = reader.backlog();
            readAt = now;
        }
        return lastRead;
    }
}
