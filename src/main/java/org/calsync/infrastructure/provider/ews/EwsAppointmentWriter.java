package org.calsync.infrastructure.provider.ews;

import java.util.Base64;

import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsOrCancellationsMode;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.search.ItemView;
import microsoft.exchange.webservices.data.search.filter.SearchFilter;

import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.calendar.PendingWrite;
import org.calsync.domain.model.calendar.VersionConflictException;
import org.calsync.domain.model.calendar.WriteResult;
import org.calsync.infrastructure.provider.ical.ExchangeGlobalObjectId;

/**
 * Writes and deletes CalSync's appointments, found by the UID in their extended property; none sends a
 * meeting request. Updates go with {@code NeverOverwrite} against the change key last seen, so an edit made
 * meanwhile is a conflict, not silently lost.
 */
final class EwsAppointmentWriter {

    private final EwsSession session;

    EwsAppointmentWriter(EwsSession session) {
        this.session = session;
    }

    WriteResult put(String calendarId, PendingWrite write) throws Exception {
        OutgoingEvent event = write.event();
        String expectedVersion = write.expectedVersion();
        Appointment existing = findOurs(calendarId, event.uid());
        if (existing == null && write.mayAdoptInvitation()) {
            existing = findInvitationCopy(calendarId, event.uid());
            if (existing != null) {
                // from now on it is found as CalSync's own
                existing.setExtendedProperty(EwsEvents.UID_PROPERTY, event.uid());
            }
        }
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
    }

    void delete(String remoteId, String expectedVersion) throws Exception {
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
    }

    private Appointment findOurs(String calendarId, String uid) throws Exception {
        return findFirst(calendarId, new SearchFilter.IsEqualTo(EwsEvents.UID_PROPERTY, uid));
    }

    /**
     * The meeting Exchange added to the calendar from the person's emailed invitation with this UID, found by
     * its global object id (the calendar:UID element cannot be searched).
     */
    private Appointment findInvitationCopy(String calendarId, String uid) throws Exception {
        return findFirst(calendarId, new SearchFilter.IsEqualTo(EwsEvents.CLEAN_GLOBAL_OBJECT_ID,
                // the EWS Java API writes no byte arrays into a restriction: it takes the base64 text
                Base64.getEncoder().encodeToString(ExchangeGlobalObjectId.of(uid))));
    }

    private Appointment findFirst(String calendarId, SearchFilter filter) throws Exception {
        ItemView view = new ItemView(2);
        view.setPropertySet(new PropertySet(BasePropertySet.IdOnly, EwsEvents.UID_PROPERTY));
        FindItemsResults<Item> found = session.service.findItems(new FolderId(calendarId), filter, view);
        for (Item item : found.getItems()) {
            if (item instanceof Appointment appointment) {
                return appointment;
            }
        }
        return null;
    }
}
