package org.calsync.interfaces.facade;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.booking.AvailabilityPublishing;
import org.calsync.application.booking.SelfBooking;
import org.calsync.domain.model.booking.AvailabilityChange;
import org.calsync.domain.model.booking.BookableKind;
import org.calsync.domain.model.booking.BookableSlot;
import org.calsync.domain.model.booking.PublishedAvailability;
import org.calsync.domain.model.booking.SlotTakenException;
import org.calsync.domain.model.booking.WeeklyHours;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.Validation;
import org.calsync.interfaces.facade.dto.AvailabilityForm;
import org.calsync.interfaces.facade.dto.BookableKindForm;
import org.calsync.interfaces.facade.dto.BookableKindView;
import org.calsync.interfaces.facade.dto.BookableSlotView;
import org.calsync.interfaces.facade.dto.BookingView;
import org.calsync.interfaces.facade.dto.InstructorOfferView;
import org.calsync.interfaces.facade.dto.PublishedAvailabilityView;
import org.calsync.interfaces.facade.dto.SessionView;

/** Self-booking for the API and the pages: availability, bookable kinds, bookable times and bookings. */
@ApplicationScoped
public class SelfBookingFacade {

    @Inject
    private AvailabilityPublishing publishing;

    @Inject
    private SelfBooking booking;

    @Inject
    private SessionFacade sessions;

    public PublishedAvailabilityView publish(String tenantId, String instructorId, AvailabilityForm form) {
        Validation validation = new Validation();
        ZoneId zone = validation.zone("zone", form.zone());
        List<WeeklyHours> weekly = form.weeklyHours().stream().map(hours -> validation.attempt(() -> new WeeklyHours(
                EnumInput.parse(DayOfWeek.class, hours.day(), "weeklyHours"), hours.start(), hours.end()))).toList();
        List<AvailabilityChange> changes = form.changes().stream().map(change -> validation.attempt(() -> AvailabilityChange.of(
                change.date(), EnumInput.parse(AvailabilityChange.Kind.class, change.kind(), "changes"), change.start(),
                change.end()))).toList();
        validation.throwIfInvalid();
        return view(publishing.publish(new TenantId(tenantId), instructorId, zone, weekly, changes));
    }

    public Optional<PublishedAvailabilityView> availabilityOf(String tenantId, String instructorId) {
        return publishing.availabilityOf(new TenantId(tenantId), instructorId).map(SelfBookingFacade::view);
    }

    public BookableKindView offer(String tenantId, String instructorId, BookableKindForm form) {
        return view(publishing.offer(new TenantId(tenantId), instructorId, settings(form)));
    }

    public BookableKindView change(String tenantId, String kindId, BookableKindForm form) {
        return view(publishing.change(new TenantId(tenantId), kindId, settings(form)));
    }

    public BookableKindView withdraw(String tenantId, String kindId) {
        return view(publishing.withdraw(new TenantId(tenantId), kindId));
    }

    public BookableKindView kind(String tenantId, String kindId) {
        return view(publishing.kind(new TenantId(tenantId), kindId));
    }

    public List<BookableKindView> kindsOf(String tenantId, String instructorId) {
        return publishing.kindsOf(new TenantId(tenantId), instructorId).stream().map(SelfBookingFacade::view).toList();
    }

    public List<BookableSlotView> slots(String tenantId, String kindId, Instant from, Instant to) {
        return views(booking.slots(new TenantId(tenantId), kindId, from, to));
    }

    /** @throws SlotTakenProblem when the time was just taken or became busy, with the next free times */
    public SessionView book(String tenantId, String kindId, String learnerId, Instant start) {
        return session(tenantId, offeringNextSlots(() -> booking.book(new TenantId(tenantId), kindId, learnerId, start)));
    }

    /** @throws SlotTakenProblem when the new time was just taken or became busy, with the next free times */
    public SessionView move(String tenantId, String sessionId, Instant newStart, boolean byLearner) {
        return session(tenantId, offeringNextSlots(() -> booking.move(new TenantId(tenantId), sessionId, newStart,
                byLearner)));
    }

    public SessionView cancel(String tenantId, String sessionId, boolean byLearner) {
        return session(tenantId, booking.cancel(new TenantId(tenantId), sessionId, byLearner));
    }

    private static BookableKind.Settings settings(BookableKindForm form) {
        return new BookableKind.Settings(form.name(), form.lengthMinutes(), form.bufferBeforeMinutes(),
                form.bufferAfterMinutes(), form.noticeMinutes(), form.horizonDays(), form.maxPerDay(),
                form.startEveryMinutes(), form.meetingLink());
    }

    private static List<BookableSlotView> views(List<BookableSlot> slots) {
        return slots.stream().map(slot -> new BookableSlotView(slot.start(), slot.end())).toList();
    }

    /** The learner's own instructors they can book, with what each offers. */
    @Transactional
    public List<InstructorOfferView> offersFor(String tenantId, String learnerId) {
        return booking.offersFor(new TenantId(tenantId), learnerId).stream()
                .map(offer -> new InstructorOfferView(offer.instructor().id(), offer.instructor().displayName(),
                        offer.kinds().stream().map(SelfBookingFacade::view).toList())).toList();
    }

    /** The learner's bookings that still stand and have not ended, earliest first. */
    @Transactional
    public List<BookingView> upcomingBookingsOf(String tenantId, String learnerId) {
        return booking.upcomingBookingsOf(new TenantId(tenantId), learnerId).stream().map(booked -> new BookingView(
                booked.session().id(), booked.booking().kindId(), booked.session().courseTitle(),
                booked.session().assignments().stream().map(assignment -> assignment.person().displayName())
                        .findFirst().orElse(""),
                booked.session().time().start(), booked.session().time().end(), booked.session().joinLink()))
                .toList();
    }

    /** A booking or a move, whose refusal for a taken time carries the next free times as views. */
    private static TrainingSession offeringNextSlots(Supplier<TrainingSession> bookingOrMove) {
        try {
            return bookingOrMove.get();
        } catch (SlotTakenException e) {
            throw new SlotTakenProblem(e.text().key(), views(e.nextSlots()));
        }
    }

    private SessionView session(String tenantId, TrainingSession session) {
        return sessions.get(tenantId, session.id());
    }

    private static PublishedAvailabilityView view(PublishedAvailability availability) {
        return new PublishedAvailabilityView(availability.personId(), availability.zone().getId(),
                availability.weeklyHours().stream().map(hours -> new PublishedAvailabilityView.Hours(hours.day().name(),
                        hours.start().toString(), hours.end().toString())).toList(),
                availability.changes().stream().map(change -> new PublishedAvailabilityView.Change(
                        change.date().toString(), change.kind().name(),
                        change.start() == null ? null : change.start().toString(),
                        change.end() == null ? null : change.end().toString())).toList());
    }

    private static BookableKindView view(BookableKind kind) {
        BookableKind.Settings settings = kind.settings();
        return new BookableKindView(kind.id(), kind.instructorId(), settings.name(), settings.lengthMinutes(),
                settings.bufferBeforeMinutes(), settings.bufferAfterMinutes(), settings.noticeMinutes(),
                settings.horizonDays(), settings.maxPerDay(), settings.startEveryMinutes(), settings.meetingLink(),
                kind.withdrawn());
    }
}
