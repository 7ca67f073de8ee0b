package org.calsync.infrastructure.provider.ews;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.availability.AvailabilityData;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsOrCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.ServiceResult;
import microsoft.exchange.webservices.data.core.enumeration.service.SyncFolderItemsScope;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.response.AttendeeAvailability;
import microsoft.exchange.webservices.data.core.response.GetItemResponse;
import microsoft.exchange.webservices.data.core.response.ServiceResponseCollection;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.misc.availability.AttendeeInfo;
import microsoft.exchange.webservices.data.misc.availability.GetUserAvailabilityResults;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.property.complex.availability.CalendarEvent;
import microsoft.exchange.webservices.data.search.CalendarView;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.search.ItemView;
import microsoft.exchange.webservices.data.search.filter.SearchFilter;
import microsoft.exchange.webservices.data.sync.ChangeCollection;
import microsoft.exchange.webservices.data.sync.ItemChange;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.CalendarProvider;
import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderTraits;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.RemoteCalendar;
import org.calsync.domain.model.calendar.RemoteEvent;
import org.calsync.domain.model.calendar.SkippedItem;
import org.calsync.domain.model.calendar.SyncCursor;
import org.calsync.domain.model.calendar.BusyTime;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.calendar.VersionConflictException;
import org.calsync.domain.model.calendar.WriteResult;

/**
 * On-premise Exchange over EWS. The calendar is the mailbox's Calendar folder. Our appointments carry our
 * UID in an extended property, so a retry finds and updates them; none sends a meeting request.
 * <ul>
 * <li>Reads: {@code SyncFolderItems} from the stored SyncState (512 a call) tells whether anything changed;
 * an unchanged calendar costs that one request. When something changed, or on the first read or after
 * {@code ErrorInvalidSyncStateData}, the window is read with {@code FindItem} calendar views, which expand
 * recurring series: one view for the whole window, halved by date wherever it would pass Exchange's
 * 1000-item limit.</li>
 * <li>Writes: {@code CreateItem} or {@code UpdateItem} with {@code NeverOverwrite} against the change key
 * we last saw, so an edit made meanwhile is a conflict, not silently lost.</li>
 * </ul>
 */
@ApplicationScoped
public class EwsCalendarProvider implements CalendarProvider {

    static final int SYNC_PAGE = 512;
    static final int VIEW_LIMIT = 1000;
    private static final Duration SMALLEST_SLICE = Duration.ofHours(6);
    /** How long a call waits for one of the server's slots before it is retried later instead. */
    private static final Duration SLOT_WAIT = Duration.ofSeconds(30);
    static final int AVAILABILITY_BATCH = 50;
    private static final Duration AVAILABILITY_SPAN = Duration.ofDays(42);
    /** Items per GetItem when a view has to be read item by item. */
    static final int ITEM_BATCH = 50;
    private static final Logger LOG = Logger.getLogger(EwsCalendarProvider.class.getName());

    /**
     * Calls in flight per Exchange server from this instance. Impersonated mailboxes share the server, and
     * Exchange's budgets (10 concurrent requests per user on 2010, 27 later) are charged to each mailbox, so
     * the default stays well inside them.
     */
    @Inject
    @ConfigProperty(name = "calsync.ews.max-concurrent-requests", defaultValue = "10")
    int maxConcurrentRequests = 10;

    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();
    final EwsServicePool pool = new EwsServicePool();

    @Override
    public ProviderTraits traits() {
        return ExchangeKind.TRAITS;
    }

    @Override
    public List<RemoteCalendar> listCalendars(ProviderConnection connection) {
        return call(connection, session -> {
            Folder calendar = Folder.bind(session.service, WellKnownFolderName.Calendar);
            return List.of(new RemoteCalendar(calendar.getId().getUniqueId(), calendar.getDisplayName(), true, true));
        });
    }

    @Override
    public WriteResult put(ProviderConnection connection, String calendarId, OutgoingEvent event, String expectedVersion) {
        return call(connection, session -> {
            Appointment existing = findOurs(session, calendarId, event.uid());
            if (existing == null) {
                Appointment created = EwsEvents.newAppointment(session.service, event);
                created.save(new FolderId(calendarId), SendInvitationsMode.SendToNone);
                return new WriteResult(created.getId().getUniqueId(), created.getId().getChangeKey(), true);
            }
            if (expectedVersion != null && !expectedVersion.equals(existing.getId().getChangeKey())) {
                throw new VersionConflictException("The appointment " + event.uid() + " was changed in Exchange.");
            }
            EwsEvents.fill(existing, event);
            // NeverOverwrite: Exchange itself refuses when the item changed after we found it.
            existing.update(ConflictResolutionMode.NeverOverwrite, SendInvitationsOrCancellationsMode.SendToNone);
            return new WriteResult(existing.getId().getUniqueId(), existing.getId().getChangeKey(), false);
        });
    }

    @Override
    public void delete(ProviderConnection connection, String calendarId, String remoteId, String expectedVersion) {
        call(connection, session -> {
            try {
                Appointment appointment = Appointment.bind(session.service, new ItemId(remoteId),
                        PropertySet.getIdOnly());
                if (expectedVersion != null && !expectedVersion.equals(appointment.getId().getChangeKey())) {
                    throw new VersionConflictException("The appointment was changed in Exchange.");
                }
                appointment.delete(DeleteMode.MoveToDeletedItems, SendCancellationsMode.SendToNone);
            } catch (ServiceResponseException e) {
                if (e.getErrorCode() != ServiceError.ErrorItemNotFound) {
                    throw e;
                }
                // already gone: what we wanted
            }
            return null;
        });
    }

    @Override
    public ChangeBatch changesSince(ProviderConnection connection, String calendarId, SyncCursor cursor,
            TimeWindow window) {
        return call(connection, session -> {
            FolderId folder = new FolderId(calendarId);
            int[] requests = {0};
            if (!cursor.isNone()) {
                try {
                    SyncResult sync = sync(session, folder, cursor.value(), requests);
                    if (!sync.changed()) {
                        return new ChangeBatch(List.of(), List.of(), List.of(), new SyncCursor(sync.state()), false,
                                requests[0]);
                    }
                    WindowRead read = readWindow(session, folder, window, requests);
                    return new ChangeBatch(read.events(), List.of(), read.skipped(), new SyncCursor(sync.state()), true,
                            requests[0]);
                } catch (ServiceResponseException e) {
                    if (e.getErrorCode() != ServiceError.ErrorInvalidSyncStateData) {
                        throw e;
                    }
                    // Exchange no longer knows this state: start again from a full read.
                }
            }
            // The state comes first, so that whatever changes during the window read is seen next time.
            SyncResult baseline = sync(session, folder, null, requests);
            WindowRead read = readWindow(session, folder, window, requests);
            return new ChangeBatch(read.events(), List.of(), read.skipped(), new SyncCursor(baseline.state()), true,
                    requests[0]);
        });
    }

    /**
     * GetUserAvailability, in batches: Exchange answers for at most 100 mailboxes and 42 days per call, and
     * CalSync asks for fewer so that one slow mailbox does not hold up many.
     */
    @Override
    public Map<String, List<BusyInterval>> freeBusy(ProviderConnection connection, List<String> emails, TimeWindow window) {
        return call(connection, session -> {
            Map<String, List<BusyInterval>> result = new LinkedHashMap<>();
            for (int first = 0; first < emails.size(); first += AVAILABILITY_BATCH) {
                List<String> batch = emails.subList(first, Math.min(emails.size(), first + AVAILABILITY_BATCH));
                for (Instant from = window.from(); from.isBefore(window.to()); from = from.plus(AVAILABILITY_SPAN)) {
                    Instant to = from.plus(AVAILABILITY_SPAN).isAfter(window.to()) ? window.to() : from.plus(AVAILABILITY_SPAN);
                    availability(session, batch, from, to, result);
                }
            }
            return result;
        });
    }

    private static void availability(EwsSession session, List<String> emails, Instant from, Instant to,
            Map<String, List<BusyInterval>> result) throws Exception {
        List<AttendeeInfo> attendees = emails.stream().map(AttendeeInfo::new).toList();
        GetUserAvailabilityResults answer = session.service.getUserAvailability(attendees,
                new microsoft.exchange.webservices.data.misc.availability.TimeWindow(Date.from(from), Date.from(to)),
                AvailabilityData.FreeBusy);
        var perAttendee = answer.getAttendeesAvailability();
        for (int index = 0; index < perAttendee.getCount(); index++) {
            AttendeeAvailability availability = perAttendee.getResponseAtIndex(index);
            String email = emails.get(index);
            if (availability.getResult() != ServiceResult.Success) {
                LOG.info(() -> "No free/busy for " + email + ": " + availability.getErrorCode());
                continue;
            }
            List<BusyInterval> busy = result.computeIfAbsent(email, key -> new ArrayList<>());
            for (CalendarEvent event : availability.getCalendarEvents()) {
                try {
                    BusyTime.of(event.getStartTime().toInstant(), event.getEndTime().toInstant(), false,
                            EwsEvents.showAs(event.getFreeBusyStatus()), false, new TimeWindow(from, to)).ifPresent(busy::add);
                } catch (IllegalArgumentException reversed) {
                    LOG.info(() -> "Left out of " + email + "'s free/busy: " + reversed.getMessage());
                }
            }
        }
    }

    private static Appointment findOurs(EwsSession session, String calendarId, String uid) throws Exception {
        ItemView view = new ItemView(2);
        view.setPropertySet(new PropertySet(BasePropertySet.IdOnly, EwsEvents.UID_PROPERTY));
        FindItemsResults<Item> found = session.service.findItems(new FolderId(calendarId),
                new SearchFilter.IsEqualTo(EwsEvents.UID_PROPERTY, uid), view);
        for (Item item : found.getItems()) {
            if (item instanceof Appointment appointment) {
                return appointment;
            }
        }
        return null;
    }

    /** Follows the folder's changes to the end; whether there were any, and the state after them. */
    private static SyncResult sync(EwsSession session, FolderId folder, String state, int[] requests) throws Exception {
        boolean changed = false;
        String current = state;
        boolean more = true;
        while (more) {
            ChangeCollection<ItemChange> page = session.service.syncFolderItems(folder, PropertySet.getIdOnly(), null,
                    SYNC_PAGE, SyncFolderItemsScope.NormalItems, current);
            requests[0]++;
            changed |= page.getCount() > 0;
            current = page.getSyncState();
            more = page.getMoreChangesAvailable();
        }
        return new SyncResult(changed, current);
    }

    /** The window as calendar views, each under the view limit: a slice that is too full is split. */
    private static WindowRead readWindow(EwsSession session, FolderId folder, TimeWindow window, int[] requests)
            throws Exception {
        // By item id: an appointment that spans two slices is listed in both.
        Map<String, RemoteEvent> events = new LinkedHashMap<>();
        List<SkippedItem> skipped = new ArrayList<>();
        // One view for the whole window when it holds fewer than the limit, as most calendars do; halves otherwise.
        readSlice(session, folder, window.from(), window.to(), requests, events, skipped);
        return new WindowRead(List.copyOf(events.values()), skipped);
    }

    private static void readSlice(EwsSession session, FolderId folder, Instant from, Instant to, int[] requests,
            Map<String, RemoteEvent> events, List<SkippedItem> skipped) throws Exception {
        CalendarView view = new CalendarView(Date.from(from), Date.from(to), VIEW_LIMIT);
        view.setPropertySet(EwsEvents.readShape());
        FindItemsResults<Appointment> found;
        try {
            requests[0]++;
            found = session.service.findAppointments(folder, view);
        } catch (ServiceResponseException e) {
            if (EwsFailures.concernsTheWholeCall(e.getErrorCode())) {
                throw e;
            }
            if (e.getErrorCode() != ServiceError.ErrorExceededFindCountLimit) {
                // One item Exchange cannot convert fails the whole view: read this slice item by item instead.
                readItemByItem(session, folder, from, to, requests, events, skipped, e.getErrorCode());
                return;
            }
            found = null;
        }
        if (found == null || found.isMoreAvailable()) {
            if (Duration.between(from, to).compareTo(SMALLEST_SLICE) <= 0) {
                skipped.add(new SkippedItem(from + "/" + to, "more than " + VIEW_LIMIT + " appointments in "
                        + Duration.between(from, to).toHours() + " hours"));
                return;
            }
            Instant middle = from.plus(Duration.between(from, to).dividedBy(2));
            readSlice(session, folder, from, middle, requests, events, skipped);
            readSlice(session, folder, middle, to, requests, events, skipped);
            return;
        }
        for (Appointment appointment : found.getItems()) {
            String id = appointment.getId().getUniqueId();
            try {
                events.putIfAbsent(id, EwsEvents.remote(appointment, new TimeWindow(from, to)));
            } catch (Exception unreadable) {
                skipped.add(new SkippedItem(id, String.valueOf(unreadable.getMessage())));
            }
        }
    }

    /** Ids first, which always read; then the items in batches, each answering for itself. Bad ones are skipped. */
    private static void readItemByItem(EwsSession session, FolderId folder, Instant from, Instant to, int[] requests,
            Map<String, RemoteEvent> events, List<SkippedItem> skipped, ServiceError viewError) throws Exception {
        CalendarView ids = new CalendarView(Date.from(from), Date.from(to), VIEW_LIMIT);
        ids.setPropertySet(PropertySet.getIdOnly());
        requests[0]++;
        List<ItemId> itemIds = new ArrayList<>();
        for (Appointment appointment : session.service.findAppointments(folder, ids).getItems()) {
            itemIds.add(appointment.getId());
        }
        LOG.info(() -> "A calendar view failed with " + viewError + "; reading " + itemIds.size() + " items one by one");
        for (int first = 0; first < itemIds.size(); first += ITEM_BATCH) {
            List<ItemId> batch = itemIds.subList(first, Math.min(itemIds.size(), first + ITEM_BATCH));
            requests[0]++;
            ServiceResponseCollection<GetItemResponse> answers = session.service.bindToItems(batch, EwsEvents.readShape());
            for (int index = 0; index < answers.getCount(); index++) {
                GetItemResponse answer = answers.getResponseAtIndex(index);
                String id = batch.get(index).getUniqueId();
                if (answer.getResult() == ServiceResult.Success && answer.getItem() instanceof Appointment appointment) {
                    events.putIfAbsent(id, EwsEvents.remote(appointment, new TimeWindow(from, to)));
                } else {
                    LOG.warning(() -> "Skipped item " + id + ": " + answer.getErrorCode() + " " + answer.getErrorMessage());
                    skipped.add(new SkippedItem(id, answer.getErrorCode() + ": " + answer.getErrorMessage()));
                }
            }
        }
    }

    /**
     * Runs one unit of work on a fresh session, inside one of the server's slots, and turns EWS failures
     * into the port's.
     */
    private <T> T call(ProviderConnection connection, Work<T> work) {
        String server = connection.server().getHost() + ":" + connection.server().getPort();
        Semaphore slot = slots.computeIfAbsent(server, key -> new Semaphore(Math.max(1, maxConcurrentRequests), true));
        try {
            if (!slot.tryAcquire(SLOT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ProviderUnavailableException(FailureKind.BUSY,
                        "All " + maxConcurrentRequests + " connections to Exchange at "
                        + connection.server().getHost() + " are busy.", Duration.ofSeconds(30), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException(FailureKind.OTHER,
                    "Interrupted while waiting for Exchange.", null, e);
        }
        try (EwsSession session = pool.lease(connection)) {
            T result = work.run(session);
            session.succeeded();
            return result;
        } catch (VersionConflictException | ProviderUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw EwsFailures.translate(e, connection.server().getHost());
        } finally {
            slot.release();
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(EwsSession session) throws Exception;
    }

    private record SyncResult(boolean changed, String state) {
    }

    private record WindowRead(List<RemoteEvent> events, List<SkippedItem> skipped) {
    }
}
