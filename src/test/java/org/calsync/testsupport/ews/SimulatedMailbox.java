package org.calsync.testsupport.ews;

import java.util.Base64;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mailbox's calendar folder: items with ids and change keys, and a change log from which sync states
 * really advance. Synchronised as a whole; the simulator serves several threads.
 */

import org.calsync.infrastructure.provider.ical.ExchangeGlobalObjectId;

public final class SimulatedMailbox {

    private static final AtomicInteger IDS = new AtomicInteger();

    final String smtp;
    final String calendarFolderId;
    private final Map<String, SimulatedItem> items = new LinkedHashMap<>();
    /** Every change in order: the sync state is a position in this list. */
    private final List<Change> log = new ArrayList<>();

    /** Told of every change, so that open streams send it at once. */
    private final Runnable onChange;

    SimulatedMailbox(String smtp) {
        this(smtp, () -> { });
    }

    SimulatedMailbox(String smtp, Runnable onChange) {
        this.smtp = smtp;
        this.calendarFolderId = "AQMkCalendar" + Math.abs(smtp.hashCode());
        this.onChange = onChange;
    }

    private void logged(Change change) {
        log.add(change);
        onChange.run();
    }

    public String smtp() {
        return smtp;
    }

    /** As another client (Outlook, say) would: a new item in the calendar. */
    public synchronized SimulatedItem add(String subject, Instant start, Instant end) {
        SimulatedItem item = new SimulatedItem("AAMkItem" + IDS.incrementAndGet() + "x" + Math.abs(smtp.hashCode()));
        item.subject = subject;
        item.start = start;
        item.end = end;
        items.put(item.id, item);
        logged(new Change(Kind.CREATE, item.id));
        return item;
    }

    /**
     * As Exchange does with an invitation emailed from elsewhere (CalSync's iMIP mail): a meeting the owner attends
     * and has not answered, whose UID is the invitation's and whose global object id wraps it ([MS-OXCICAL]
     * 2.1.3.1.1.20.26), with none of CalSync's properties.
     */
    public synchronized SimulatedItem receiveInvitation(String uid, String subject, Instant start, Instant end) {
        SimulatedItem item = add(subject, start, end);
        item.uid = uid;
        item.cleanGlobalObjectId = Base64.getEncoder().encodeToString(ExchangeGlobalObjectId.of(uid));
        item.myResponse = "NoResponseReceived";
        item.freeBusy = "Tentative";
        return item;
    }

    /** As another client would: a series every {@code every}, {@code count} times. */
    public synchronized SimulatedItem addSeries(String subject, Instant start, Instant end, Duration every, int count) {
        SimulatedItem series = add(subject, start, end);
        series.every = every;
        series.count = count;
        return series;
    }

    /** Moves one occurrence of a series: it becomes an exception. */
    public synchronized void moveOccurrence(String seriesId, int index, Instant start, Instant end) {
        require(seriesId).movedOccurrences.put(index, new Instant[] {start, end});
        changed(require(seriesId));
    }

    /** Deletes one occurrence of a series. */
    public synchronized void deleteOccurrence(String seriesId, int index) {
        require(seriesId).deletedOccurrences.add(index);
        changed(require(seriesId));
    }

    /** As another client would: moves an item. */
    public synchronized void move(String id, Instant start, Instant end) {
        SimulatedItem item = require(id);
        item.start = start;
        item.end = end;
        changed(item);
    }

    /** As another client would: deletes an item. */
    public synchronized void delete(String id) {
        if (items.remove(id) != null) {
            logged(new Change(Kind.DELETE, id));
        }
    }

    public synchronized void setSensitivity(String id, String sensitivity) {
        require(id).sensitivity = sensitivity;
        changed(require(id));
    }

    public synchronized void setFreeBusy(String id, String freeBusy) {
        require(id).freeBusy = freeBusy;
        changed(require(id));
    }

    /** The mailbox's owner answered a meeting someone else organised: Accept, Tentative, Decline. */
    public synchronized void respond(String id, String myResponse) {
        require(id).myResponse = myResponse;
        changed(require(id));
    }

    public synchronized void setAllDay(String id) {
        require(id).allDay = true;
        changed(require(id));
    }

    public synchronized void setMalformed(String id) {
        require(id).malformed = true;
        changed(require(id));
    }

    public synchronized List<SimulatedItem> items() {
        return List.copyOf(items.values());
    }

    public synchronized Optional<SimulatedItem> find(String id) {
        return Optional.ofNullable(items.get(id));
    }

    /** Items carrying this extended property value, e.g. CalSync's UID. */
    public synchronized List<SimulatedItem> withExtendedProperty(String key, String value) {
        return items.values().stream().filter(i -> value.equals(i.extended.get(key))).toList();
    }

    synchronized SimulatedItem create() {
        SimulatedItem item = new SimulatedItem("AAMkItem" + IDS.incrementAndGet() + "x" + Math.abs(smtp.hashCode()));
        items.put(item.id, item);
        logged(new Change(Kind.CREATE, item.id));
        return item;
    }

    synchronized void changed(SimulatedItem item) {
        item.touched();
        logged(new Change(Kind.UPDATE, item.id));
    }

    synchronized Collection<SimulatedItem> all() {
        return List.copyOf(items.values());
    }

    /** How many changes the mailbox has seen: a streaming subscription's starting place. */
    synchronized int logSize() {
        return log.size();
    }

    /** The changes after a place in the log, one by one, as notifications report them. */
    synchronized List<Change> changesAfter(int position) {
        return List.copyOf(log.subList(Math.min(position, log.size()), log.size()));
    }

    SimulatedItem require(String id) {
        SimulatedItem item = items.get(id);
        if (item == null) {
            throw new IllegalArgumentException("no item " + id + " in " + smtp);
        }
        return item;
    }

    /**
     * The changes after a sync state, at most {@code max}, folded per item as Exchange does (created then
     * deleted within the range shows as nothing; several updates as one). A null state starts from empty.
     */
    synchronized SyncPage changesSince(String syncState, int max) {
        int from = position(syncState);
        Map<String, Kind> folded = new LinkedHashMap<>();
        int position = from;
        while (position < log.size() && folded.size() < max) {
            Change change = log.get(position++);
            Kind before = folded.get(change.itemId());
            if (before == Kind.CREATE && change.kind() == Kind.DELETE) {
                folded.remove(change.itemId());
            } else if (before == Kind.CREATE) {
                continue; // still a creation, of the latest content
            } else {
                folded.put(change.itemId(), change.kind());
            }
        }
        List<Change> changes = new ArrayList<>();
        folded.forEach((id, kind) -> changes.add(new Change(kind, id)));
        return new SyncPage(changes, state(position), position >= log.size());
    }

    /** A state this mailbox issued, or ErrorInvalidSyncStateData. */
    static int position(String syncState) {
        if (syncState == null || syncState.isBlank()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(syncState));
            if (!decoded.startsWith("sim-sync:")) {
                throw new InvalidSyncState();
            }
            return Integer.parseInt(decoded.substring("sim-sync:".length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidSyncState();
        }
    }

    static String state(int position) {
        return Base64.getEncoder().encodeToString(("sim-sync:" + position).getBytes());
    }

    enum Kind {
        CREATE,
        UPDATE,
        DELETE
    }

    record Change(Kind kind, String itemId) {
    }

    record SyncPage(List<Change> changes, String nextState, boolean includesLast) {
    }

    static final class InvalidSyncState extends RuntimeException {
    }
}
