package org.calsync.application.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.calsync.application.pull.CalendarPull.TenantCalendarRef;
import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.ChangeStream;
import org.calsync.domain.model.calendar.ChangeStreamListener;
import org.calsync.domain.model.calendar.ChangeStreams;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.StreamedCalendar;
import org.calsync.domain.model.sync.ChangeStreamLeases;
import org.calsync.domain.model.sync.ChangeStreamLeases.Mode;
import org.calsync.domain.model.sync.ClusterMembership;
import org.calsync.domain.model.tenant.TenantId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds this instance's share of the change streams (Exchange's streaming notifications), so that a change made in
 * Outlook is pulled within seconds, with no inbound route to CalSync. Each upkeep:
 * <ol>
 * <li>takes or gives up calendars until this instance holds its fair share of them (the
 * calendars to stream, divided by the instances alive), so that each calendar is streamed by exactly one instance
 * and a departed instance's calendars are taken over;</li>
 * <li>opens a stream for the held calendars that have none, grouped by sign-in and by the provider's limit per
 * stream, and reads each of them once, since changes made while nobody listened are told to nobody;</li>
 * <li>polls the calendars of servers that offer no subscriptions at all, every {@code calsync.ews.poll-interval}.</li>
 * </ol>
 * A stream may be pushed by the server or fetched by the adapter every few seconds (Exchange's pull
 * subscriptions, where it cannot stream); the console tells which. New Exchange settings open the tenant's streams
 * again.
 * A notified change goes to the same pull as <em>Sync now</em>, which coalesces bursts; the hourly pull remains the
 * safety net.
 */
@ApplicationScoped
public class ChangeStreaming {

    private static final Logger LOG = Logger.getLogger(ChangeStreaming.class.getName());

    /** A group's streams are merged at most this often: each merge subscribes its calendars again. */
    static final Duration MERGE_PAUSE = Duration.ofMinutes(2);

    /** A group that failed to open waits this long before it is tried again. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);

    @Inject
    private StreamedCalendars calendars;

    @Inject
    private ChangeStreamLeases leases;

    @Inject
    private ClusterMembership membership;

    @Inject
    @Any
    private Instance<ChangeStreams> adapters;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "calsync.change-streams.enabled", defaultValue = "true")
    boolean enabled;

    /** How often calendars of servers that cannot stream are read instead. */
    @Inject
    @ConfigProperty(name = "calsync.ews.poll-interval", defaultValue = "PT5M")
    Duration pollInterval;

    /** The streams open here, each with the calendars it carries. */
    private final List<OpenStream> open = new ArrayList<>();
    /** Calendars read every few minutes instead, with the group they were polled as, and when next. */
    private final Map<String, Polled> polled = new HashMap<>();
    /** Groups that failed to open, and calendars the server refused, and when they may be tried again. */
    private final Map<String, Instant> retryAt = new HashMap<>();
    /** When each group's streams were last merged. */
    private final Map<String, Instant> mergedAt = new HashMap<>();
    /** What each held calendar is, for the listeners, which run on the streams' threads. */
    private final Map<String, StreamedCalendars.Wanted> held = new ConcurrentHashMap<>();

    private record OpenStream(String group, ChangeStream stream) {
    }

    private record Polled(String group, Instant next) {
    }

    /**
     * One upkeep; called every few seconds on every instance.
     *
     * @param pullSoon pulls a calendar as <em>Sync now</em> does, coalescing bursts
     */
    public synchronized void upkeep(Consumer<TenantCalendarRef> pullSoon) {
        Map<String, StreamedCalendars.Wanted> wanted = new LinkedHashMap<>();
        if (enabled) {
            adapters.forEach(adapter -> wanted.putAll(calendars.wanted(adapter.type())));
        }
        Set<String> ours = share(wanted);
        keepOnly(ours);
        held.keySet().retainAll(ours);
        ours.forEach(id -> held.put(id, wanted.get(id)));
        reopenRegrouped();
        for (ChangeStreams adapter : adapters) {
            openMissing(adapter, ours, pullSoon);
            consolidate(adapter, pullSoon);
        }
        pollDue(ours, pullSoon);
    }

    /** Forgets, takes and gives up leases; returns the calendars this instance streams now. */
    private Set<String> share(Map<String, StreamedCalendars.Wanted> wanted) {
        Set<String> ours = new HashSet<>(leases.held());
        Set<String> unwanted = new HashSet<>(leases.known());
        unwanted.removeAll(wanted.keySet());
        if (!unwanted.isEmpty()) {
            ours.removeAll(unwanted);
            keepOnly(ours); // closed before the rows go, so that nobody else opens them meanwhile
            leases.forget(unwanted);
        }
        ours.retainAll(wanted.keySet());
        int alive = Math.max(1, membership.alive());
        int fairShare = (wanted.size() + alive - 1) / alive;
        if (ours.size() > fairShare) {
            List<String> surplus = ours.stream().sorted().skip(fairShare).toList();
            ours.removeAll(surplus);
            keepOnly(ours); // their streams close before another instance may take them
            leases.release(surplus);
        } else if (ours.size() < fairShare) {
            Map<String, String> free = new LinkedHashMap<>();
            wanted.forEach((id, calendar) -> {
                if (!ours.contains(id)) {
                    free.put(id, calendar.ref().tenantId());
                }
            });
            ours.addAll(leases.claim(free, fairShare - ours.size()));
        }
        return ours;
    }

    /** Closes every stream that carries a calendar this instance no longer holds, or that was interrupted. */
    private void keepOnly(Set<String> ours) {
        for (OpenStream stream : List.copyOf(open)) {
            if (!stream.stream().isOpen() || !ours.containsAll(stream.stream().calendarIds())) {
                close(stream);
            }
        }
        polled.keySet().retainAll(ours);
        retryAt.keySet().removeIf(key -> !key.startsWith(StreamedCalendars.GROUP_PREFIX) && !ours.contains(key));
    }

    /**
     * Calendars whose group changed since they were opened (the tenant's Exchange settings changed: another release,
     * address or sign-in) are opened again with the new settings, streamed if the server now can.
     */
    private void reopenRegrouped() {
        for (OpenStream stream : List.copyOf(open)) {
            if (stream.stream().calendarIds().stream().anyMatch(id -> regrouped(id, stream.group()))) {
                close(stream);
            }
        }
        polled.entrySet().removeIf(poll -> regrouped(poll.getKey(), poll.getValue().group()));
    }

    private boolean regrouped(String calendarId, String group) {
        StreamedCalendars.Wanted now = held.get(calendarId);
        return now != null && !now.group().equals(group);
    }

    private void close(OpenStream stream) {
        open.remove(stream);
        try {
            stream.stream().close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "closing a change stream", e);
        }
    }

    /** Opens streams for held calendars that have none, a group at a time, and reads each once. */
    private void openMissing(ChangeStreams adapter, Set<String> ours, Consumer<TenantCalendarRef> pullSoon) {
        Set<String> streamed = open.stream().flatMap(s -> s.stream().calendarIds().stream()).collect(Collectors.toSet());
        Instant now = Instant.now();
        Map<String, List<StreamedCalendars.Wanted>> byGroup = ours.stream()
                .filter(id -> !streamed.contains(id) && !polled.containsKey(id)).map(held::get)
                .filter(w -> w != null && w.provider() == adapter.type() && due(w.group(), now)
                        && due(w.ref().calendarId(), now))
                .collect(Collectors.groupingBy(StreamedCalendars.Wanted::group, LinkedHashMap::new, Collectors.toList()));
        byGroup.forEach((group, wanted) -> openGroup(adapter, group, wanted, pullSoon, true));
    }

    /** Opens streams for some calendars of one group, as many as the adapter's limit per stream needs. */
    private boolean openGroup(ChangeStreams adapter, String group, List<StreamedCalendars.Wanted> wanted,
            Consumer<TenantCalendarRef> pullSoon, boolean readOnce) {
        List<StreamedCalendar> reached = new ArrayList<>();
        for (StreamedCalendars.Reached calendar : calendars.reach(wanted)) {
            if (calendar.calendar() == null) {
                leases.note(calendar.wanted().ref().calendarId(), Mode.WAITING, calendar.problem());
            } else {
                reached.add(calendar.calendar());
            }
        }
        // A group's streams open side by side: each subscribes its mailboxes one by one, within the server's budget.
        List<List<StreamedCalendar>> chunks = new ArrayList<>();
        for (int from = 0; from < reached.size(); from += adapter.calendarsPerStream()) {
            chunks.add(reached.subList(from, Math.min(reached.size(), from + adapter.calendarsPerStream())));
        }
        List<CompletableFuture<Opening>> openings = chunks.stream().map(chunk -> CompletableFuture.supplyAsync(
                () -> Opening.of(adapter, chunk, new Listener(pullSoon)), executor)).toList();
        boolean all = reached.size() == wanted.size();
        for (int i = 0; i < chunks.size(); i++) {
            all &= opened(group, chunks.get(i), openings.get(i).join(), pullSoon, readOnce);
        }
        return all;
    }

    /** What opening one stream came to: the stream, or why not. */
    private record Opening(ChangeStream stream, RuntimeException failure) {
        static Opening of(ChangeStreams adapter, List<StreamedCalendar> members, ChangeStreamListener listener) {
            try {
                return new Opening(adapter.open(members, listener), null);
            } catch (RuntimeException e) {
                return new Opening(null, e);
            }
        }
    }

    /**
     * Calendars linked one by one get streams of their own, so that they are heard at once; a group with more
     * streams than its calendars need is merged now and then: a stream for the union is opened first, and the
     * small ones closed after, so nothing falls between and nothing needs reading again (for that moment the
     * calendars are subscribed twice on this instance, and a change may be told twice, which the pull coalesces).
     */
    private void consolidate(ChangeStreams adapter, Consumer<TenantCalendarRef> pullSoon) {
        Instant now = Instant.now();
        Map<String, List<OpenStream>> byGroup = open.stream().filter(s -> s.stream().isOpen())
                .collect(Collectors.groupingBy(OpenStream::group, LinkedHashMap::new, Collectors.toList()));
        byGroup.forEach((group, streams) -> {
            int calendarsInGroup = streams.stream().mapToInt(s -> s.stream().calendarIds().size()).sum();
            int needed = (calendarsInGroup + adapter.calendarsPerStream() - 1) / adapter.calendarsPerStream();
            if (streams.size() <= needed || now.isBefore(mergedAt.getOrDefault(group, Instant.MIN).plus(MERGE_PAUSE))) {
                return;
            }
            List<OpenStream> smallest = new ArrayList<>();
            int size = 0;
            for (OpenStream stream : streams.stream().sorted(Comparator.comparingInt(s -> s.stream().calendarIds().size()))
                    .toList()) {
                if (size + stream.stream().calendarIds().size() > adapter.calendarsPerStream()) {
                    break;
                }
                smallest.add(stream);
                size += stream.stream().calendarIds().size();
            }
            if (smallest.size() < 2) {
                return;
            }
            mergedAt.put(group, now);
            List<StreamedCalendars.Wanted> union = smallest.stream().flatMap(s -> s.stream().calendarIds().stream())
                    .map(held::get).filter(w -> w != null).toList();
            List<OpenStream> before = List.copyOf(open);
            boolean merged = openGroup(adapter, group, union, pullSoon, false);
            // The union replaces the small streams only if it carries every calendar; otherwise it goes again.
            List<OpenStream> replaced = merged ? smallest : open.stream().filter(s -> !before.contains(s)).toList();
            replaced.forEach(this::close);
        });
    }

    private boolean due(String key, Instant now) {
        return !now.isBefore(retryAt.getOrDefault(key, Instant.MIN));
    }

    /**
     * Records one stream opened (or why not); with {@code readOnce}, each of its calendars is read once, since changes made while nobody
     * listened are told to nobody. Returns whether every calendar is streamed.
     */
    private boolean opened(String group, List<StreamedCalendar> members, Opening opening,
            Consumer<TenantCalendarRef> pullSoon, boolean readOnce) {
        try {
            if (opening.failure() != null) {
                throw opening.failure();
            }
            ChangeStream stream = opening.stream();
            if (stream.isOpen()) {
                open.add(new OpenStream(group, stream));
            }
            for (StreamedCalendar calendar : members) {
                String refused = stream.refused().get(calendar.calendarId());
                leases.note(calendar.calendarId(), refused != null ? Mode.WAITING
                        : stream.delivery() == ChangeStream.Delivery.STREAMED ? Mode.STREAMING : Mode.PULL_SUBSCRIBED,
                        refused);
                if (refused != null) {
                    retryAt.put(calendar.calendarId(), Instant.now().plus(RETRY_AFTER_FAILURE));
                } else if (readOnce) {
                    pullSoon.accept(held.get(calendar.calendarId()).ref());
                }
            }
            retryAt.remove(group);
            return stream.isOpen() && stream.refused().isEmpty();
        } catch (ChangeStreams.StreamingRefusedException e) {
            Instant now = Instant.now();
            for (StreamedCalendar calendar : members) {
                leases.note(calendar.calendarId(), Mode.POLLING, e.getMessage());
                polled.put(calendar.calendarId(), new Polled(group, now));
            }
            return false;
        } catch (ProviderUnavailableException | AuthorisationLostException e) {
            Duration wait = e instanceof ProviderUnavailableException unavailable && unavailable.retryAfter() != null
                    && unavailable.retryAfter().compareTo(RETRY_AFTER_FAILURE) > 0 ? unavailable.retryAfter()
                    : RETRY_AFTER_FAILURE;
            LOG.warning(() -> "Streaming the changes of " + members.size() + " calendars failed; tried again in "
                    + wait.toSeconds() + " s: " + e.getMessage());
            retryAt.put(group, Instant.now().plus(wait));
            members.forEach(calendar -> leases.note(calendar.calendarId(), Mode.WAITING, e.getMessage()));
            return false;
        }
    }

    private void pollDue(Set<String> ours, Consumer<TenantCalendarRef> pullSoon) {
        Instant now = Instant.now();
        for (Map.Entry<String, Polled> poll : polled.entrySet()) {
            if (ours.contains(poll.getKey()) && !now.isBefore(poll.getValue().next())) {
                poll.setValue(new Polled(poll.getValue().group(), now.plus(pollInterval)));
                pullSoon.accept(held.get(poll.getKey()).ref());
            }
        }
    }

    /** How a tenant's calendars are watched, across every instance, for the console. */
    public ChangeStreamLeases.StreamSummary summary(TenantId tenantId) {
        return leases.summary(tenantId.value());
    }

    /** On the way down: the streams close, and their calendars are given up for the other instances to take. */
    @PreDestroy
    synchronized void closeAll() {
        List.copyOf(open).forEach(this::close);
        try {
            leases.release(Set.copyOf(held.keySet()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "giving up change-stream leases on the way down; they run out by themselves", e);
        }
    }

    /** Hears one stream; runs on the stream's thread, so it only hands the work on. */
    private final class Listener implements ChangeStreamListener {

        private final Consumer<TenantCalendarRef> pullSoon;

        Listener(Consumer<TenantCalendarRef> pullSoon) {
            this.pullSoon = pullSoon;
        }

        @Override
        public void changed(String calendarId) {
            StreamedCalendars.Wanted calendar = held.get(calendarId);
            if (calendar == null) {
                return; // given up since
            }
            pullSoon.accept(calendar.ref());
            try {
                leases.notified(calendarId, Instant.now());
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "noting a notification", e);
            }
        }

        @Override
        public void interrupted(String reason) {
            // The next upkeep, within seconds, subscribes the calendars again and reads them once.
            LOG.info(() -> "A change stream was interrupted and is opened again at the next upkeep: " + reason);
        }
    }
}
