package org.calsync.infrastructure.provider.ews;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.notification.EventType;
import microsoft.exchange.webservices.data.notification.StreamingSubscription;
import microsoft.exchange.webservices.data.notification.StreamingSubscriptionConnection;
import microsoft.exchange.webservices.data.notification.SubscriptionErrorEventArgs;
import microsoft.exchange.webservices.data.property.complex.FolderId;

import org.calsync.domain.model.calendar.ChangeStreamListener;

/**
 * Streaming notifications (Exchange 2010 SP1 and later): the group's subscriptions are heard over one
 * {@code GetStreamingEvents} connection, opened again each time its lifetime ends.
 */
final class EwsStreamedGroup extends EwsSubscriptionGroup<StreamingSubscription> {

    private final int lifetimeMinutes;
    private StreamingSubscriptionConnection connection;

    EwsStreamedGroup(ExchangeService service, EwsThrottle throttle, String server, String anchor,
            ChangeStreamListener listener, int lifetimeMinutes) {
        super(service, throttle, server, anchor, listener);
        this.lifetimeMinutes = lifetimeMinutes;
    }

    @Override
    public Delivery delivery() {
        return Delivery.STREAMED;
    }

    @Override
    protected StreamingSubscription subscribeTo(FolderId calendarFolder) throws Exception {
        return service.subscribeToStreamingNotifications(List.of(calendarFolder), EventType.Created,
                EventType.Modified, EventType.Deleted, EventType.Moved);
    }

    @Override
    protected void unsubscribe(StreamingSubscription subscription) throws Exception {
        subscription.unsubscribe();
    }

    @Override
    void listen() throws Exception {
        // GetStreamingEvents acts for the anchor mailbox, where the group's subscriptions live.
        actFor(anchor);
        connection = new StreamingSubscriptionConnection(service, subscribed.values(), lifetimeMinutes);
        connection.addOnNotificationEvent((sender, args) -> {
            String calendarId = calendarOf.get(args.getSubscription().getId());
            if (calendarId != null) {
                listener.changed(calendarId);
            }
        });
        connection.addOnSubscriptionError(this::failed);
        connection.addOnDisconnect(this::disconnected);
        open = true;
        connection.open();
    }

    @Override
    protected void stopListening() {
        // closing the service's HTTP clients, after the subscriptions are ended, drops the connection
    }

    /** A subscription the server forgot, or notifications it missed: the whole group is subscribed anew. */
    private void failed(Object sender, SubscriptionErrorEventArgs args) {
        interrupt("Exchange ended the subscriptions: " + describe(args.getException()));
    }

    /**
     * The connection ended. At the end of its lifetime Exchange says so (no exception): the same subscriptions
     * are listened to again at once, and Exchange hands over what happened in between. Anything else
     * interrupts the stream.
     */
    private void disconnected(Object sender, SubscriptionErrorEventArgs args) {
        if (closing || !open) {
            return;
        }
        if (args.getException() != null) {
            interrupt("The connection to Exchange dropped: " + describe(args.getException()));
            return;
        }
        // The API forgets its request only after this handler returns; the new one is opened just after.
        CompletableFuture.runAsync(this::reopen, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
    }

    private synchronized void reopen() {
        if (closing || !open) {
            return;
        }
        try {
            connection.open();
        } catch (Exception e) {
            interrupt("The connection to Exchange could not be opened again: " + describe(e));
        }
    }
}
