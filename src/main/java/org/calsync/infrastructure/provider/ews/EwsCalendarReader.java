package org.calsync.infrastructure.provider.ews;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.service.ServiceResult;
import microsoft.exchange.webservices.data.core.enumeration.service.SyncFolderItemsScope;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.response.GetItemResponse;
import microsoft.exchange.webservices.data.core.response.ServiceResponseCollection;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.search.CalendarView;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.sync.ChangeCollection;
import microsoft.exchange.webservices.data.sync.ItemChange;

import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.RemoteEvent;
import org.calsync.domain.model.calendar.SkippedItem;
import org.calsync.domain.model.calendar.SyncCursor;
import org.calsync.domain.model.calendar.TimeWindow;

/**
 * Reads the calendar folder. {@code SyncFolderItems} from the stored SyncState (512 a call) tells whether
 * anything changed, so an unchanged calendar costs that one request. When something changed, or on the first
 * read or after {@code ErrorInvalidSyncStateData}, the window is read with {@code FindItem} calendar views,
 * which expand recurring series: one view for the whole window, halved by date wherever it would pass
 * Exchange's 1000-item limit.
 */
final class EwsCalendarReader {

    static final int SYNC_PAGE = 512;
    static final int VIEW_LIMIT = 1000;
    private static final Duration SMALLEST_SLICE = Duration.ofHours(6);
    /** Items per GetItem when a view has to be read item by item. */
    static final int ITEM_BATCH = 50;
    private static final Logger LOG = Logger.getLogger(EwsCalendarReader.class.getName());

    private final EwsSession session;
    private int requests;

    EwsCalendarReader(EwsSession session) {
        this.session = session;
    }

    ChangeBatch changesSince(String calendarId, SyncCursor cursor, TimeWindow window) throws Exception {
        FolderId folder = new FolderId(calendarId);
        if (!cursor.isNone()) {
            try {
                SyncResult sync = sync(folder, cursor.value());
                if (!sync.changed()) {
                    return new ChangeBatch(List.of(), List.of(), List.of(), new SyncCursor(sync.state()), false,
                            requests);
                }
                WindowRead read = readWindow(folder, window);
                return new ChangeBatch(read.events(), List.of(), read.skipped(), new SyncCursor(sync.state()), true,
                        requests);
            } catch (ServiceResponseException e) {
                if (e.getErrorCode() != ServiceError.ErrorInvalidSyncStateData) {
                    throw e;
                }
                // Exchange no longer knows this state: start again from a full read.
            }
        }
        // The state comes first, so that whatever changes during the window read is seen next time.
        SyncResult baseline = sync(folder, null);
        WindowRead read = readWindow(folder, window);
        return new ChangeBatch(read.events(), List.of(), read.skipped(), new SyncCursor(baseline.state()), true,
                requests);
    }

    /** Follows the folder's changes to the end; whether there were any, and the state after them. */
    private SyncResult sync(FolderId folder, String state) throws Exception {
        boolean changed = false;
        String current = state;
        boolean more = true;
        while (more) {
            ChangeCollection<ItemChange> page = session.service.syncFolderItems(folder, PropertySet.getIdOnly(), null,
                    SYNC_PAGE, SyncFolderItemsScope.NormalItems, current);
            requests++;
            changed |= page.getCount() > 0;
            current = page.getSyncState();
            more = page.getMoreChangesAvailable();
        }
        return new SyncResult(changed, current);
    }

    /** The window as calendar views, each under the view limit: a slice that is too full is split. */
    private WindowRead readWindow(FolderId folder, TimeWindow window) throws Exception {
        // By item id: an appointment that spans two slices is listed in both.
        Map<String, RemoteEvent> events = new LinkedHashMap<>();
        List<SkippedItem> skipped = new ArrayList<>();
        // One view for the whole window when it holds fewer than the limit, as most calendars do; halves otherwise.
        readSlice(folder, window.from(), window.to(), events, skipped);
        return new WindowRead(List.copyOf(events.values()), skipped);
    }

    private void readSlice(FolderId folder, Instant from, Instant to, Map<String, RemoteEvent> events,
            List<SkippedItem> skipped) throws Exception {
        CalendarView view = new CalendarView(Date.from(from), Date.from(to), VIEW_LIMIT);
        view.setPropertySet(EwsEvents.readShape());
        FindItemsResults<Appointment> found;
        try {
            requests++;
            found = session.service.findAppointments(folder, view);
        } catch (ServiceResponseException e) {
            if (EwsFailures.concernsTheWholeCall(e.getErrorCode())) {
                throw e;
            }
            if (e.getErrorCode() != ServiceError.ErrorExceededFindCountLimit) {
                // One item Exchange cannot convert fails the whole view: read this slice item by item instead.
                readItemByItem(folder, from, to, events, skipped, e.getErrorCode());
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
            readSlice(folder, from, middle, events, skipped);
            readSlice(folder, middle, to, events, skipped);
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
    private void readItemByItem(FolderId folder, Instant from, Instant to, Map<String, RemoteEvent> events,
            List<SkippedItem> skipped, ServiceError viewError) throws Exception {
        CalendarView ids = new CalendarView(Date.from(from), Date.from(to), VIEW_LIMIT);
        ids.setPropertySet(PropertySet.getIdOnly());
        requests++;
        List<ItemId> itemIds = new ArrayList<>();
        for (Appointment appointment : session.service.findAppointments(folder, ids).getItems()) {
            itemIds.add(appointment.getId());
        }
        LOG.info(() -> "A calendar view failed with " + viewError + "; reading " + itemIds.size() + " items one by one");
        for (int first = 0; first < itemIds.size(); first += ITEM_BATCH) {
            List<ItemId> batch = itemIds.subList(first, Math.min(itemIds.size(), first + ITEM_BATCH));
            requests++;
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

    private record SyncResult(boolean changed, String state) {
    }

    private record WindowRead(List<RemoteEvent> events, List<SkippedItem> skipped) {
    }
}
