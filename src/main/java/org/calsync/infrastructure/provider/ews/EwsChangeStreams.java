package org.calsync.infrastructure.provider.ews;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.exception.service.local.ServiceVersionException;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;

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
 * Exchange's notifications of changes: one {@code Subscribe} per mailbox's calendar folder, then
 * <ul>
 * <li>streaming (Exchange 2010 SP1 and later, {@link EwsStreamedGroup}): one {@code GetStreamingEvents} connection
 * for the group, renewed when its lifetime ends;</li>
 * <li>or, where the release set up is older or the server refuses streaming, pull subscriptions
 * ({@link EwsPulledGroup}): each mailbox asked for its events every {@code calsync.ews.pull-subscription-interval}.</li>
 * </ul>
 * A server that offers neither is polled by the application.
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

    /**
     * How often each mailbox on a pull subscription (a server that cannot stream) is asked for its changes: one
     * {@code GetEvents} per mailbox and round.
     */
    @Inject
    @ConfigProperty(name = "calsync.ews.pull-subscription-interval", defaultValue = "PT30S")
    Duration pullInterval = Duration.ofSeconds(30);

    /** The server's budget, shared with every other call to it in the cluster: subscribing waits out its pauses. */
    @Inject
    EwsThrottle throttle = new EwsThrottle();

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService managedScheduler;
    private ScheduledExecutorService ownScheduler;

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
        if (!streamsNotifications(first)) {
            return openGroup(calendars, pulled(first, listener));
        }
        try {
            return openGroup(calendars, streamed(first, listener));
        } catch (StreamingRefusedException refused) {
            LOG.info(() -> first.server().getHost() + " refused streaming; its calendars use pull subscriptions");
            return openGroup(calendars, pulled(first, listener));
        }
    }

    /** Streaming notifications came with Exchange 2010 SP1; a release set up as older gets pull subscriptions. */
    private static boolean streamsNotifications(ProviderConnection connection) {
        return EwsSession.requestVersion(connection.options()).compareTo(ExchangeVersion.Exchange2010_SP1) >= 0;
    }

    private EwsSubscriptionGroup<?> streamed(ProviderConnection first, ChangeStreamListener listener) {
        ExchangeService service = groupService(first);
        service.setTimeout(silenceSeconds * 1000);
        return new EwsStreamedGroup(service, throttle, ServerPauses.serverOf(first.server()), first.actAs(), listener,
                lifetimeMinutes);
    }

    private EwsSubscriptionGroup<?> pulled(ProviderConnection first, ChangeStreamListener listener) {
        return new EwsPulledGroup(groupService(first), throttle, ServerPauses.serverOf(first.server()), first.actAs(),
                listener, scheduler(), pullInterval);
    }

    /**
     * The group's own service: with a service account, every call carries the anchor mailbox and asks for server
     * affinity, and its cookie store sends back the back end cookie the first Subscribe set.
     */
    private static ExchangeService groupService(ProviderConnection first) {
        ExchangeService service = EwsSession.newService(first);
        String anchor = first.actAs();
        if (anchor != null) {
            service.getHttpHeaders().put("X-AnchorMailbox", anchor);
            service.getHttpHeaders().put("X-PreferServerAffinity", "true");
        }
        return service;
    }

    /**
     * Subscribes each calendar, within the server's budget, then listens to them all.
     *
     * @throws StreamingRefusedException when the server does not offer this kind of subscription
     */
    private ChangeStream openGroup(List<StreamedCalendar> calendars, EwsSubscriptionGroup<?> group) {
        ProviderConnection first = calendars.get(0).connection();
        String server = ServerPauses.serverOf(first.server());
        try {
            for (StreamedCalendar calendar : calendars) {
                try (EwsThrottle.Slot slot = throttle.enter(server)) {
                    group.subscribe(calendar);
                }
            }
            if (!group.anySubscribed()) {
                group.close();
                return group; // every mailbox refused: nothing to listen to
            }
            group.listen();
            return group;
        } catch (ServiceVersionException e) {
            group.close();
            throw new StreamingRefusedException(first.server().getHost() + " is set up as a release that cannot "
                    + "subscribe to changes this way.", e);
        } catch (ProviderUnavailableException e) {
            group.close();
            throw e;
        } catch (Exception e) {
            group.close();
            throttle.pausedBy(server, e);
            if (e instanceof ServiceResponseException response
                    && response.getErrorCode() == ServiceError.ErrorInvalidServerVersion) {
                throw new StreamingRefusedException(first.server().getHost() + " does not offer these "
                        + "notifications, so its calendars are polled.", e);
            }
            throw EwsFailures.translate(e, first.server().getHost());
        }
    }

    /** Outside the container (tests, benchmarks), pull subscriptions are asked on a thread of the adapter's own. */
    private ScheduledExecutorService scheduler() {
        if (managedScheduler != null) {
            return managedScheduler;
        }
        synchronized (this) {
            if (ownScheduler == null) {
                ownScheduler = Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "ews-pull-subscriptions");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            return ownScheduler;
        }
    }
}
