package org.calsync.infrastructure.provider.ews;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.enumeration.notification.EventType;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.exception.service.local.ServiceVersionException;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;
import microsoft.exchange.webservices.data.notification.StreamingSubscription;
import microsoft.exchange.webservices.data.notification.StreamingSubscriptionConnection;
import microsoft.exchange.webservices.data.notification.SubscriptionErrorEventArgs;
import microsoft.exchange.webservices.data.property.complex.FolderId;

import org.calsync.domain.model.calendar.ChangeStream;
import org.calsync.domain.model.calendar.ChangeStreamListener;
import org.calsync.domain.model.calendar.ChangeStreams;
import org.calsync.domain.model.calendar.ChangeStreams.StreamingRefusedException;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.StreamedCalendar;
import org.calsync.domain.model.sync.ServerPauses;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Exchange's streaming notifications (Exchange 2010 SP1 and later): one {@code Subscribe} per mailbox's calendar
 * folder and one {@code GetStreamingEvents} connection for the group, renewed when its lifetime ends.
 * <p>
 * A service account groups many mailboxes on one connection. Exchange 2013 and later then need every call of the
 * group to reach the same mailbox server: each call carries {@code X-AnchorMailbox} (the group's first mailbox) and
 * {@code X-PreferServerAffinity}, and the {@code X-BackEndOverrideCookie} the first Subscribe sets is sent back.
 * The EWS Java API has no notion of these; the adapter sets the headers on the group's own service, whose cookie
 * store keeps the cookie for the calls that follow.
 */
@ApplicationScoped
public class EwsChangeStreams implements ChangeStreams {

    private static final Logger LOG = Logger.getLogger(EwsChangeStreams.class.getName());
    private static final int UNSUBSCRIBE_TIMEOUT_MILLIS = 10_000;

    /** A streaming connection's lifetime, in minutes (Exchange allows 1 to 30); it is then opened again. */
    @Inject
    @ConfigProperty(name = "calsync.ews.stream-lifetime-minutes", defaultValue = "29")
    int lifetimeMinutes = 29;

    /** Mailboxes per connection; Exchange's default limit per service account. */
    @Inject
    @ConfigProperty(name = "calsync.ews.mailboxes-per-stream", defaultValue = "200")
    int mailboxesPerStream = 200;

    /**
     * How long a stream may stay silent before the connection counts as dropped. Exchange sends a heartbeat well
     * within a minute when nothing changes.
     */
    @Inject
    @ConfigProperty(name = "calsync.ews.stream-silence-seconds", defaultValue = "120")
    int silenceSeconds = 120;

    /** The server's budget, shared with every other call to it in the cluster: subscribing waits out its pauses. */
    @Inject
    EwsThrottle throttle = new EwsThrottle();

    @Override
    public CalendarProviderType type() {
        return ExchangeKind.TRAITS.type();
    }

    @Override
    public int calendarsPerStream() {
        return mailboxesPerStream;
    }

    @Override
    public ChangeStream open(List<StreamedCalendar> calendars, ChangeStreamListener listener) {
        if (calendars.isEmpty()) {
            throw new IllegalArgumentException("A stream needs at least one calendar");
        }
        ProviderConnection first = calendars.get(0).connection();
        ExchangeService service = EwsSession.newService(first);
        service.setTimeout(silenceSeconds * 1000);
        String anchor = first.actAs();
        if (anchor != null) {
            service.getHttpHeaders().put("X-AnchorMailbox", anchor);
            service.getHttpHeaders().put("X-PreferServerAffinity", "true");
        }
        Stream stream = new Stream(service, anchor, listener);
        String server = ServerPauses.serverOf(first.server());
        try {
            for (StreamedCalendar calendar : calendars) {
                try (EwsThrottle.Slot slot = throttle.enter(server)) {
                    stream.subscribe(calendar);
                }
            }
            if (stream.subscriptions.isEmpty()) {
                service.close();
                return stream; // every mailbox refused: nothing to listen to
            }
            stream.connect(lifetimeMinutes);
            return stream;
        } catch (ServiceVersionException e) {
            stream.close();
            throw new StreamingRefusedException("Streaming notifications need Exchange 2010 SP1 or later; "
                    + first.server().getHost() + " is set up as an older release, so its calendars are polled.", e);
        } catch (ProviderUnavailableException e) {
            stream.close();
            throw e;
        } catch (Exception e) {
            stream.close();
            throttle.pausedBy(server, e);
            if (e instanceof ServiceResponseException response
                    && response.getErrorCode() == ServiceError.ErrorInvalidServerVersion) {
                throw new StreamingRefusedException(first.server().getHost() + " does not offer streaming "
                        + "notifications, so its calendars are polled.", e);
            }
            throw EwsFailures.translate(e, first.server().getHost());
        }
    }

    /** One group's subscriptions and their connection. */
    private static final class Stream implements ChangeStream {

        private final ExchangeService service;
        private final String anchor;
        private final ChangeStreamListener listener;
        /** Exchange's subscription id to CalSync's calendar id. */
        private final Map<String, String> subscriptions = new LinkedHashMap<>();
        private final Map<String, StreamingSubscription> subscribed = new HashMap<>();
        /** Exchange's subscription id to the mailbox it was made for, which must also end it. */
        private final Map<String, String> mailboxes = new HashMap<>();
        private final Map<String, String> refused = new LinkedHashMap<>();
        private StreamingSubscriptionConnection connection;
        private volatile boolean open;
        private volatile boolean closing;

        Stream(ExchangeService service, String anchor, ChangeStreamListener listener) {
            this.service = service;
            this.anchor = anchor;
            this.listener = listener;
        }

        void subscribe(StreamedCalendar calendar) throws Exception {
            String mailbox = calendar.connection().actAs();
            service.setImpersonatedUserId(mailbox == null ? null
                    : new ImpersonatedUserId(ConnectingIdType.SmtpAddress, mailbox));
            try {
                StreamingSubscription subscription = service.subscribeToStreamingNotifications(
                        List.of(new FolderId(calendar.remoteCalendarId())), EventType.Created, EventType.Modified,
                        EventType.Deleted, EventType.Moved);
                subscriptions.put(subscription.getId(), calendar.calendarId());
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

        /**
         * Throttling, or a service account that lost the right to impersonate, stops the whole group; anything else
         * (a mailbox that was removed or moved away, say) concerns the one mailbox.
         */
        private static boolean refusesEveryMailbox(ServiceResponseException e) {
            return switch (e.getErrorCode()) {
                case ErrorServerBusy, ErrorImpersonateUserDenied, ErrorImpersonationDenied -> true;
                default -> false;
            };
        }

        void connect(int lifetimeMinutes) throws Exception {
            // GetStreamingEvents acts for the anchor mailbox, where the group's subscriptions live.
            service.setImpersonatedUserId(anchor == null ? null
                    : new ImpersonatedUserId(ConnectingIdType.SmtpAddress, anchor));
            connection = new StreamingSubscriptionConnection(service, subscribed.values(), lifetimeMinutes);
            connection.addOnNotificationEvent((sender, args) -> {
                String calendarId = subscriptions.get(args.getSubscription().getId());
                if (calendarId != null) {
                    listener.changed(calendarId);
                }
            });
            connection.addOnSubscriptionError(this::failed);
            connection.addOnDisconnect(this::disconnected);
            open = true;
            connection.open();
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

        private void interrupt(String reason) {
            if (closing || !open) {
                return;
            }
            open = false;
            LOG.info(() -> "EWS stream of " + subscriptions.size() + " mailboxes interrupted: " + reason);
            listener.interrupted(reason);
        }

        private static String describe(Exception e) {
            return e == null ? "no reason given" : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }

        @Override
        public Set<String> calendarIds() {
            return Set.copyOf(subscriptions.values());
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
            // Unsubscribing lets Exchange free the subscriptions now rather than when they time out; after an
            // interruption they are likely gone, and a server that stopped answering would only make each call wait.
            service.setTimeout(UNSUBSCRIBE_TIMEOUT_MILLIS);
            for (StreamingSubscription subscription : wasOpen ? new ArrayList<>(subscribed.values())
                    : List.<StreamingSubscription>of()) {
                try {
                    String mailbox = mailboxes.get(subscription.getId());
                    service.setImpersonatedUserId(mailbox == null ? null
                            : new ImpersonatedUserId(ConnectingIdType.SmtpAddress, mailbox));
                    subscription.unsubscribe();
                } catch (Exception e) {
                    LOG.log(Level.FINE, "unsubscribing an EWS stream", e);
                }
            }
            // The API's own close() reads the open response to its end, which Exchange sends only when the
            // connection's lifetime ends; closing the service's HTTP clients drops the connection at once instead.
            service.close();
        }
    }
}
