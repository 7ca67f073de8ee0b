package org.calsync.infrastructure.provider.ews;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.MeetingResponseType;
import microsoft.exchange.webservices.data.core.enumeration.property.BodyType;
import microsoft.exchange.webservices.data.core.enumeration.property.LegacyFreeBusyStatus;
import microsoft.exchange.webservices.data.core.enumeration.property.DefaultExtendedPropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.MapiPropertyType;
import microsoft.exchange.webservices.data.core.enumeration.property.Sensitivity;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.core.service.schema.AppointmentSchema;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.property.complex.MessageBody;
import microsoft.exchange.webservices.data.property.complex.time.TimeZoneDefinition;
import microsoft.exchange.webservices.data.property.definition.ExtendedPropertyDefinition;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.BusyTime;
import org.calsync.domain.model.calendar.BusyTime.ShowAs;
import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.calendar.RemoteEvent;
import org.calsync.domain.model.calendar.TimeWindow;

/** CalSync's events as Exchange appointments, and appointments as busy times. */
final class EwsEvents {

    /** CalSync's own property set; the UID under it finds our appointment again after a retry, move or edit. */
    static final UUID PROPERTY_SET = UUID.fromString("5b6f1a8e-7c52-4c0e-9d7a-0b8a3c1e2f47");
    static final String UID_NAME = "CalSyncUid";
    static final ExtendedPropertyDefinition UID_PROPERTY = uidProperty();
    /** PidLidCleanGlobalObjectId ([MS-OXPROPS] 2.61): the meeting's UID as Exchange keeps it, searchable. */
    static final ExtendedPropertyDefinition CLEAN_GLOBAL_OBJECT_ID = cleanGlobalObjectId();

    private EwsEvents() {
    }

    private static ExtendedPropertyDefinition uidProperty() {
        try {
            return new ExtendedPropertyDefinition(PROPERTY_SET, UID_NAME, MapiPropertyType.String);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ExtendedPropertyDefinition cleanGlobalObjectId() {
        try {
            return new ExtendedPropertyDefinition(DefaultExtendedPropertySet.Meeting, 0x23, MapiPropertyType.Binary);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Exchange's free/busy status; NoData (and anything unknown, such as Exchange 2013's WorkingElsewhere, which the
     * EWS Java API does not know) counts as free.
     */
    static ShowAs showAs(LegacyFreeBusyStatus status) {
        if (status == null) {
            return ShowAs.FREE;
        }
        return switch (status) {
            case Busy -> ShowAs.BUSY;
            case Tentative -> ShowAs.TENTATIVE;
            case OOF -> ShowAs.OUT_OF_OFFICE;
            default -> ShowAs.FREE;
        };
    }

    /** What a read needs of each appointment: times, free/busy, privacy, title, and our UID if it is ours. */
    static PropertySet readShape() {
        return new PropertySet(BasePropertySet.IdOnly, ItemSchema.Subject, ItemSchema.Sensitivity,
                AppointmentSchema.Start, AppointmentSchema.End, AppointmentSchema.IsAllDayEvent,
                AppointmentSchema.LegacyFreeBusyStatus, AppointmentSchema.MyResponseType, AppointmentSchema.ICalUid,
                UID_PROPERTY);
    }

    static Appointment newAppointment(ExchangeService service, OutgoingEvent event) throws Exception {
        Appointment appointment = new Appointment(service);
        fill(appointment, event);
        appointment.setExtendedProperty(UID_PROPERTY, event.uid());
        return appointment;
    }

    /** The session's content; the time zone is the session's, so Outlook shows the planned wall-clock time. */
    static void fill(Appointment appointment, OutgoingEvent event) throws Exception {
        appointment.setSubject(event.title());
        appointment.setStart(Date.from(event.start()));
        appointment.setEnd(Date.from(event.end()));
        Optional<TimeZoneDefinition> zone = WindowsZones.definition(event.zone());
        if (zone.isPresent()) {
            appointment.setStartTimeZone(zone.get());
            appointment.setEndTimeZone(zone.get());
        }
        appointment.setLocation(event.place() == null ? "" : event.place());
        appointment.setLegacyFreeBusyStatus(LegacyFreeBusyStatus.Busy);
        MessageBody body = new MessageBody(BodyType.Text, event.notes());
        appointment.setBody(body);
    }

    /** An appointment as busy time inside the window read; private ones keep their times only. */
    static RemoteEvent remote(Appointment appointment, TimeWindow window) throws Exception {
        String ours = ourUid(appointment);
        Instant start = appointment.getStart().toInstant();
        Instant end = appointment.getEnd().toInstant();
        Sensitivity sensitivity = appointment.getSensitivity();
        boolean hidden = sensitivity == Sensitivity.Private || sensitivity == Sensitivity.Confidential;
        // A meeting the owner declined stays in their calendar (as Outlook keeps it) but does not make them busy.
        boolean declined = appointment.getMyResponseType() == MeetingResponseType.Decline;
        List<BusyInterval> intervals = BusyTime.of(start, end, appointment.getIsAllDayEvent(),
                declined ? ShowAs.FREE : showAs(appointment.getLegacyFreeBusyStatus()), false, window).stream().toList();
        return new RemoteEvent(appointment.getId().getUniqueId(), ours != null ? ours : appointment.getICalUid(),
                appointment.getId().getChangeKey(), intervals, hidden ? null : appointment.getSubject(), hidden);
    }

    static String ourUid(Appointment appointment) throws Exception {
        var properties = appointment.getExtendedProperties();
        if (properties == null) {
            return null;
        }
        for (var property : properties) {
            var definition = property.getPropertyDefinition();
            if (PROPERTY_SET.equals(definition.getPropertySetId()) && UID_NAME.equals(definition.getName())) {
                return String.valueOf(property.getValue());
            }
        }
        return null;
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
