package org.calsync.infrastructure.provider.ews;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;
import microsoft.exchange.webservices.data.notification.SubscriptionBase;
import microsoft.exchange.webservices.data.property.complex.FolderId;

import org.calsync.domain.model.calendar.ChangeStream;
import org.calsync.domain.model.calendar.ChangeStreamListener;
import org.calsync.domain.model.calendar.StreamedCalendar;

/**
 * The subscriptions of one group of mailboxes that share a sign-in and an {@link ExchangeService} (whose cookie store
 * keeps the group on one mailbox server): one {@code Subscribe} per mailbox's calendar folder, acting for that
 * mailbox, and {@code Unsubscribe} for each when the group closes. How the changes then come is the subclass's:
 * over a streaming connection, or asked for every few seconds.
 */
abstract class EwsSubscriptionGroup<S extends SubscriptionBase> implements ChangeStream {

    private static final Logger LOG = Logger.getLogger(EwsSubscriptionGroup.class.getName());
    private static final int UNSUBSCRIBE_TIMEOUT_MILLIS = 10_000;

    protected final ExchangeService service;
    /** The server's budget, and its name in it. */
    protected final EwsThrottle throttle;
    protected final String server;
    /** The mailbox every call of the group names in X-AnchorMailbox, or null for a person's own account. */
    protected final String anchor;
    protected final ChangeStreamListener listener;
    /** Exchange's subscription id to CalSync's calendar id. */
    protected final Map<String, String> calendarOf = new LinkedHashMap<>();
    protected final Map<String, S> subscribed = new LinkedHashMap<>();
    /** Exchange's subscription id to the mailbox it was made for, which must also end it. */
    private final Map<String, String> mailboxes = new HashMap<>();
    private final Map<String, String> refused = new LinkedHashMap<>();
    protected volatile boolean open;
    protected volatile boolean closing;

    EwsSubscriptionGroup(ExchangeService service, EwsThrottle throttle, String server, String anchor,
            ChangeStreamListener listener) {
        this.service = service;
        this.throttle = throttle;
        this.server = server;
        this.anchor = anchor;
        this.listener = listener;
    }

    /** One Subscribe for the calendar folder, made for the mailbox the service acts for now. */
    protected abstract S subscribeTo(FolderId calendarFolder) throws Exception;

    protected abstract void unsubscribe(S subscription) throws Exception;

    /** Starts hearing the changes of every subscription made; the group is open from then on. */
    abstract void listen() throws Exception;

    /** Stops hearing them; the subscriptions are ended after this. */
    protected abstract void stopListening();

    /** Subscribes one calendar; a mailbox the server refuses is named in {@link #refused()}. */
    void subscribe(StreamedCalendar calendar) throws Exception {
        String mailbox = calendar.connection().actAs();
        actFor(mailbox);
        try {
            S subscription = subscribeTo(new FolderId(calendar.remoteCalendarId()));
            calendarOf.put(subscription.getId(), calendar.calendarId());
            subscribed.put(subscription.getId(), subscription);
            if (mailbox != null) {
                mailboxes.put(subscription.getId(), mailbox);
            }
        } catch (ServiceResponseException e) {
            if (refusesEveryMailbox(e)) {
                throw e;
            }
            refused.put(calendar.calendarId(), EwsFailures.translate(e, service.getUrl().getHost()).getMessage());
        }
    }

    boolean anySubscribed() {
        return !subscribed.isEmpty();
    }

    /** The mailbox the next call acts for; null for a person's own. */
    protected void actFor(String mailbox) {
        service.setImpersonatedUserId(mailbox == null ? null : new ImpersonatedUserId(ConnectingIdType.SmtpAddress, mailbox));
    }

    protected String mailboxOf(String subscriptionId) {
        return mailboxes.get(subscriptionId);
    }

    /**
     * Throttling, or a service account that lost the right to impersonate, stops the whole group; anything else
     * (a mailbox that was removed or moved away, say) concerns the one mailbox.
     */
    private static boolean refusesEveryMailbox(ServiceResponseException e) {
        return switch (e.getErrorCode()) {
            case ErrorServerBusy, ErrorImpersonateUserDenied, ErrorImpersonationDenied, ErrorInvalidServerVersion -> true;
            default -> false;
        };
    }

    /** The changes may have been missed: the listener has the calendars subscribed again and read once. */
    protected void interrupt(String reason) {
        if (closing || !open) {
            return;
        }
        open = false;
        LOG.info(() -> "EWS subscriptions of " + calendarOf.size() + " mailboxes interrupted: " + reason);
        listener.interrupted(reason);
    }

    protected static String describe(Exception e) {
        return e == null ? "no reason given" : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public Set<String> calendarIds() {
        return Set.copyOf(calendarOf.values());
    }

    @Override
    public Map<String, String> refused() {
        return Collections.unmodifiableMap(refused);
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void close() {
        boolean wasOpen = open;
        closing = true;
        open = false;
        stopListening();
        // Unsubscribing lets Exchange free the subscriptions now rather than when they time out; after an
        // interruption they are likely gone, a server that stopped answering would only make each call wait, and
        // one that asked CalSync to wait gets no call.
        service.setTimeout(UNSUBSCRIBE_TIMEOUT_MILLIS);
        boolean unsubscribe = wasOpen && !throttle.isPaused(server);
        for (S subscription : unsubscribe ? new ArrayList<>(subscribed.values()) : List.<S>of()) {
            try {
                actFor(mailboxOf(subscription.getId()));
                unsubscribe(subscription);
            } catch (Exception e) {
                LOG.log(Level.FINE, "unsubscribing from EWS notifications", e);
            }
        }
        // The streaming API's own close() reads the open response to its end, which Exchange sends only when the
        // connection's lifetime ends; closing the service's HTTP clients drops any connection at once instead.
        service.close();
    }
}
