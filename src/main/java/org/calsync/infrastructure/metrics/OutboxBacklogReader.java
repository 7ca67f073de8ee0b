package org.calsync.infrastructure.metrics;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.sync.OutboxChannel;
import org.calsync.domain.model.sync.OutboxRepository;
import org.calsync.domain.model.sync.OutboxRepository.Backlog;

/** Reads the outbox's backlog in a transaction of its own, as every read on a thread other than a request's must. */
@ApplicationScoped
public class OutboxBacklogReader {

    private final OutboxRepository outbox;

    @Inject
    public OutboxBacklogReader(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    /** For the container's proxy only. */
    protected OutboxBacklogReader() {
        this(null);
    }

    @Transactional
    public Map<OutboxChannel, Backlog> backlog() {
        return outbox.backlog();
    }
}
