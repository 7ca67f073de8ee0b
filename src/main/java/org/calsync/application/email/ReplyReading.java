package org.calsync.application.email;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.domain.model.mail.CalendarReply;
import org.calsync.domain.model.mail.MailboxUnavailableException;
import org.calsync.domain.model.mail.ReplyInbox;
import org.calsync.domain.model.mail.ReplyInbox.MailboxAccess;
import org.calsync.domain.model.sync.ClusterMembership;
import org.calsync.domain.model.sync.SchedulerLease;
import org.calsync.domain.model.tenant.TenantId;

/**
 * Reads the organisations' reply mailboxes: every minute from the scheduler, and at once when an admin asks. One
 * reader in the whole cluster at a time (a database lease, and a lock within the instance), so that two instances
 * never move the same reply twice. No transaction is open while the mail server answers.
 */
@ApplicationScoped
public class ReplyReading {

    private static final Logger LOG = Logger.getLogger(ReplyReading.class.getName());
    private static final String LEASE = "reply-mail";
    /** Longer than a read of a full batch takes; released as soon as the read ends. */
    private static final Duration LEASE_TIME = Duration.ofMinutes(5);
    /** How long an admin's "Read now" waits for a read under way elsewhere to finish. */
    private static final Duration WAIT_FOR_TURN = Duration.ofSeconds(60);

    /** What one read of one mailbox did; {@code problem} is why it could not read, or null. */
    public record ReadSummary(int recorded, int refused, String problem) {
    }

    @Inject
    private ReplyInbox inbox;

    @Inject
    private ReplyLedger ledger;

    @Inject
    private SchedulerLease lease;

    @Inject
    private ClusterMembership membership;

    private final ReentrantLock oneAtATime = new ReentrantLock();

    /** Every organisation's mailbox once, if no read is under way anywhere. */
    public void readAll() {
        if (!oneAtATime.tryLock()) {
            return;
        }
        try {
            if (!lease.tryAcquire(LEASE, membership.self(), LEASE_TIME)) {
                return;
            }
            try {
                for (TenantId tenant : ledger.reading()) {
                    read(tenant);
                }
            } finally {
                lease.release(LEASE, membership.self());
            }
        } finally {
            oneAtATime.unlock();
        }
    }

    /** One organisation's mailbox, now; empty when another read held the mailboxes for longer than a minute. */
    public Optional<ReadSummary> readNow(TenantId tenant) throws InterruptedException {
        Instant giveUp = Instant.now().plus(WAIT_FOR_TURN);
        if (!oneAtATime.tryLock(WAIT_FOR_TURN.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.empty();
        }
        try {
            while (!lease.tryAcquire(LEASE, membership.self(), LEASE_TIME)) {
                if (Instant.now().isAfter(giveUp)) {
                    return Optional.empty();
                }
                Thread.sleep(500);
            }
            try {
                return Optional.of(read(tenant));
            } finally {
                lease.release(LEASE, membership.self());
            }
        } finally {
            oneAtATime.unlock();
        }
    }

    private ReadSummary read(TenantId tenant) {
        Optional<MailboxAccess> access = ledger.access(tenant);
        if (access.isEmpty()) {
            return new ReadSummary(0, 0, null);
        }
        int[] recorded = {0};
        int[] refused = {0};
        try {
            inbox.read(access.get(), new ReplyInbox.ReplyHandler() {
                @Override
                public void reply(CalendarReply reply) {
                    if (ledger.record(tenant, reply) == ReplyLedger.Verdict.RECORDED) {
                        recorded[0]++;
                    } else {
                        refused[0]++;
                    }
                }

                @Override
                public void unreadable(String messageId, String why) {
                    refused[0]++;
                    LOG.warning(() -> "tenant=" + tenant + " reply " + messageId + " cannot be read: " + why);
                }
            });
        } catch (MailboxUnavailableException e) {
            LOG.warning(() -> "tenant=" + tenant + " reply mailbox not read: " + e.getMessage());
            ledger.couldNotRead(tenant, Instant.now(), e.getMessage());
            return new ReadSummary(recorded[0], refused[0], e.getMessage());
        }
        ledger.read(tenant, Instant.now(), recorded[0], refused[0]);
        return new ReadSummary(recorded[0], refused[0], null);
    }
}
