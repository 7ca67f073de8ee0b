package org.calsync.infrastructure.provider.ews;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.notification.EventType;
import microsoft.exchange.webservices.data.notification.GetEventsResults;
import microsoft.exchange.webservices.data.notification.PullSubscription;
import microsoft.exchange.webservices.data.property.complex.FolderId;

import org.calsync.domain.model.calendar.ChangeStreamListener;
import org.calsync.domain.model.calendar.ProviderUnavailableException;

/**
 * Pull subscriptions, for servers that cannot stream (Exchange 2010 before SP1): every {@code interval}, each
 * mailbox is asked for the events since its watermark ({@code GetEvents}), and a mailbox with any is told as
 * changed. The events wait in Exchange's queue between two asks, and during a pause the server asked for, so
 * nothing is missed as long as the subscription lives.
 */
final class EwsPulledGroup extends EwsSubscriptionGroup<PullSubscription> {

    /**
     * Exchange forgets a pull subscription that nobody asked for this many minutes (1 to 1440): well above the
     * interval, so that a short outage or pause keeps it; a longer one makes the group subscribe again and read once.
     */
    static final int TIMEOUT_MINUTES = 10;

    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private ScheduledFuture<?> asking;

    EwsPulledGroup(ExchangeService service, EwsThrottle throttle, String server, String anchor,
            ChangeStreamListener listener, ScheduledExecutorService scheduler, Duration interval) {
        super(service, throttle, server, anchor, listener);
        this.scheduler = scheduler;
        this.interval = interval;
    }

    @Override
    public Delivery delivery() {
        return Delivery.FETCHED;
    }

    @Override
    protected PullSubscription subscribeTo(FolderId calendarFolder) throws Exception {
        return service.subscribeToPullNotifications(List.of(calendarFolder), TIMEOUT_MINUTES, null, EventType.Created,
                EventType.Modified, EventType.Deleted, EventType.Moved);
    }

    @Override
    protected void unsubscribe(PullSubscription subscription) throws Exception {
        subscription.unsubscribe();
    }

    @Override
    void listen() {
        open = true;
        asking = scheduler.scheduleWithFixedDelay(this::askEach, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    protected void stopListening() {
        if (asking != null) {
            asking.cancel(false);
        }
    }

    /** One round: each mailbox is asked for its events, within the server's budget. */
    private void askEach() {
        for (PullSubscription subscription : List.copyOf(subscribed.values())) {
            try (EwsThrottle.Slot slot = throttle.enter(server)) {
                if (askedHadEvents(subscription)) {
                    listener.changed(calendarOf.get(subscription.getId()));
                }
            } catch (ProviderUnavailableException pausedOrBusy) {
                return; // asked again next round; the events wait in Exchange's queue
            } catch (Exception e) {
                if (throttle.pausedBy(server, e) == null) {
                    // forgotten (timed out, or the server restarted), or unreachable: subscribed again and read once
                    interrupt("Exchange did not hand over the changes: " + describe(e));
                }
                return;
            }
            if (!open) {
                return;
            }
        }
    }

    /** GetEvents until the queue is empty; whether it held a change of an item (rather than only a heartbeat). */
    private boolean askedHadEvents(PullSubscription subscription) throws Exception {
        // Held for this mailbox's calls only: close() waits for at most one, and never acts for the wrong mailbox.
        synchronized (this) {
            if (closing || !open) {
                return false;
            }
            actFor(mailboxOf(subscription.getId()));
            boolean changed = false;
            do {
                GetEventsResults events = subscription.getEvents();
                changed |= events.getItemEvents().iterator().hasNext();
            } while (subscription.isMoreEventsAvailable());
            return changed;
        }
    }
}
