package org.calsync.infrastructure.provider.ews;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import microsoft.exchange.webservices.data.core.enumeration.availability.AvailabilityData;
import microsoft.exchange.webservices.data.core.enumeration.service.ServiceResult;
import microsoft.exchange.webservices.data.core.response.AttendeeAvailability;
import microsoft.exchange.webservices.data.misc.availability.AttendeeInfo;
import microsoft.exchange.webservices.data.misc.availability.GetUserAvailabilityResults;
import microsoft.exchange.webservices.data.property.complex.availability.CalendarEvent;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.BusyTime;
import org.calsync.domain.model.calendar.TimeWindow;

/** Free/busy from GetUserAvailability, for the organisation's mailboxes whether or not they linked a calendar. */
final class EwsAvailability {

    static final int AVAILABILITY_BATCH = 50;
    private static final Duration AVAILABILITY_SPAN = Duration.ofDays(42);
    private static final Logger LOG = Logger.getLogger(EwsAvailability.class.getName());

    private final EwsSession session;

    EwsAvailability(EwsSession session) {
        this.session = session;
    }

    /**
     * GetUserAvailability, in batches: Exchange answers for at most 100 mailboxes and 42 days per call, and
     * CalSync asks for fewer so that one slow mailbox does not hold up many.
     */
    Map<String, List<BusyInterval>> freeBusy(List<String> emails, TimeWindow window) throws Exception {
        Map<String, List<BusyInterval>> result = new LinkedHashMap<>();
        for (int first = 0; first < emails.size(); first += AVAILABILITY_BATCH) {
            List<String> batch = emails.subList(first, Math.min(emails.size(), first + AVAILABILITY_BATCH));
            for (Instant from = window.from(); from.isBefore(window.to()); from = from.plus(AVAILABILITY_SPAN)) {
                Instant to = from.plus(AVAILABILITY_SPAN).isAfter(window.to()) ? window.to() : from.plus(AVAILABILITY_SPAN);
                availability(batch, from, to, result);
            }
        }
        return result;
    }

    private void availability(List<String> emails, Instant from, Instant to,
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
}
