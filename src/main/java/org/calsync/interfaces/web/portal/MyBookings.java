package org.calsync.interfaces.web.portal;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.SelfBookingFacade;
import org.calsync.interfaces.facade.SlotTakenProblem;
import org.calsync.interfaces.facade.dto.BookableKindView;
import org.calsync.interfaces.facade.dto.BookableSlotView;
import org.calsync.interfaces.facade.dto.BookingView;
import org.calsync.interfaces.facade.dto.InstructorOfferView;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.Texts;
import org.primefaces.PrimeFaces;

/**
 * A learner books one-to-one time with their own instructors: the times free in the instructor's published
 * availability, shown in the learner's zone a week or two at a time; and their bookings, which they can move or
 * cancel until the organisation's deadline.
 */
@Named
@ViewScoped
public class MyBookings implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Days of bookable times shown at once. */
    private static final int DAYS_SHOWN = 7;

    @Inject
    private SelfBookingFacade booking;

    @Inject
    private CurrentUser user;

    private String zone;
    private List<InstructorOfferView> offers = List.of();
    private String instructorId;
    private String kindId;
    private LocalDate firstDay;
    private List<DaySlots> days = List.of();
    private BookableSlotView chosen;
    private BookingView moving;
    private List<BookingView> bookings = List.of();

    /** One day's bookable times, as the page lists them. */
    public record DaySlots(String label, List<SlotChoice> slots) implements Serializable {
    }

    /** One bookable time: when it starts (the key sent back) and how it reads in the learner's zone. */
    public record SlotChoice(String start, String time) implements Serializable {
    }

    public void load() {
        zone = user.getTimeZone();
        firstDay = LocalDate.now(ZoneId.of(zone));
        offers = booking.offersFor(user.getTenantId(), user.getPersonId());
        if (!offers.isEmpty()) {
            instructorId = offers.get(0).instructorId();
            kindId = offers.get(0).kinds().get(0).id();
        }
        refresh();
    }

    public void chooseInstructor() {
        offer().ifPresent(offer -> kindId = offer.kinds().get(0).id());
        loadSlots();
    }

    public void chooseKind() {
        loadSlots();
    }

    public void later() {
        firstDay = firstDay.plusDays(DAYS_SHOWN);
        loadSlots();
    }

    public void earlier() {
        LocalDate today = LocalDate.now(ZoneId.of(zone));
        firstDay = firstDay.minusDays(DAYS_SHOWN).isBefore(today) ? today : firstDay.minusDays(DAYS_SHOWN);
        loadSlots();
    }

    public boolean isAtToday() {
        return !firstDay.isAfter(LocalDate.now(ZoneId.of(zone)));
    }

    /**
     * A time was clicked (its start comes as the request parameter "start"): the confirmation dialog asks before
     * anything is booked. Only a time the page offers is taken; anything else is ignored.
     */
    public void choose() {
        String start = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("start");
        boolean offered = days.stream().flatMap(day -> day.slots().stream()).anyMatch(slot -> slot.start().equals(start));
        chosen = null;
        if (offered) {
            Instant at = Instant.parse(start);
            chosen = new BookableSlotView(at, at.plus(kind().map(k -> Duration.ofMinutes(k.lengthMinutes()))
                    .orElse(Duration.ZERO)));
        }
        PrimeFaces.current().ajax().addCallbackParam("chosen", chosen != null);
    }

    /** Books the chosen time, or moves the booking being moved there. */
    public void confirm() {
        if (chosen == null) {
            return;
        }
        try {
            if (moving == null) {
                booking.book(user.getTenantId(), kindId, user.getPersonId(), chosen.start());
                FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("book.booked", kindName(), instructorName(),
                        when(chosen.start())));
            } else {
                booking.move(user.getTenantId(), moving.sessionId(), chosen.start(), true);
                FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("book.moved", moving.title(), when(chosen.start())));
                moving = null;
            }
        } catch (SlotTakenProblem taken) {
            String next = taken.nextSlots().stream().limit(3).map(slot -> when(slot.start()))
                    .collect(Collectors.joining(", "));
            FacesErrors.global(FacesMessage.SEVERITY_WARN, next.isEmpty() ? Texts.get("book.takenNoneLeft")
                    : Texts.get("book.taken", next));
        } catch (RuntimeException e) {
            FacesErrors.show("slotsForm", e);
        }
        chosen = null;
        refresh();
    }

    /** Shows the times of the booking's kind, so that choosing one moves the booking there. */
    public void startMove(BookingView view) {
        moving = view;
        offers.stream().filter(offer -> offer.kinds().stream().anyMatch(k -> k.id().equals(view.kindId()))).findFirst()
                .ifPresent(offer -> {
                    instructorId = offer.instructorId();
                    kindId = view.kindId();
                });
        loadSlots();
    }

    public void stopMove() {
        moving = null;
    }

    public void cancel(BookingView view) {
        try {
            booking.cancel(user.getTenantId(), view.sessionId(), true);
            FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("book.cancelled", view.title(), when(view.start())));
        } catch (RuntimeException e) {
            FacesErrors.show("bookingsForm", e);
        }
        refresh();
    }

    private void refresh() {
        bookings = booking.upcomingBookingsOf(user.getTenantId(), user.getPersonId());
        loadSlots();
    }

    private void loadSlots() {
        if (kindId == null) {
            days = List.of();
            return;
        }
        ZoneId viewer = ZoneId.of(zone);
        Instant from = firstDay.atStartOfDay(viewer).toInstant();
        Instant to = firstDay.plusDays(DAYS_SHOWN).atStartOfDay(viewer).toInstant();
        DateTimeFormatter dayLabel = DateTimeFormatter.ofPattern("EEEE d MMMM", Texts.locale());
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm", Texts.locale());
        Map<LocalDate, List<SlotChoice>> byDay = new LinkedHashMap<>();
        for (BookableSlotView slot : booking.slots(user.getTenantId(), kindId, from, to)) {
            byDay.computeIfAbsent(slot.start().atZone(viewer).toLocalDate(), day -> new ArrayList<>())
                    .add(new SlotChoice(slot.start().toString(), clock.format(slot.start().atZone(viewer))));
        }
        days = byDay.entrySet().stream().map(day -> new DaySlots(Texts.capitalised(dayLabel.format(day.getKey())),
                day.getValue())).toList();
    }

    private Optional<InstructorOfferView> offer() {
        return offers.stream().filter(offer -> offer.instructorId().equals(instructorId)).findFirst();
    }

    private Optional<BookableKindView> kind() {
        return offer().flatMap(offer -> offer.kinds().stream().filter(k -> k.id().equals(kindId)).findFirst());
    }

    private String kindName() {
        return kind().map(BookableKindView::name).orElse("");
    }

    private String instructorName() {
        return offer().map(InstructorOfferView::displayName).orElse("");
    }

    /** "Tuesday 8 December, 10:00" in the learner's zone and language. */
    public String when(Instant at) {
        return Texts.capitalised(DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Texts.locale()).format(at.atZone(ZoneId.of(zone))));
    }

    /** "Monday 7 December – Sunday 13 December". */
    public String getRangeLabel() {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM", Texts.locale());
        return Texts.capitalised(day.format(firstDay)) + " \u2013 " + Texts.capitalised(day.format(firstDay.plusDays(DAYS_SHOWN - 1)));
    }

    public String getChosenLabel() {
        return chosen == null ? "" : when(chosen.start());
    }

    public Map<String, String> getInstructorChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        offers.forEach(offer -> choices.put(offer.displayName(), offer.instructorId()));
        return choices;
    }

    public Map<String, String> getKindChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        offer().ifPresent(offer -> offer.kinds().forEach(k -> choices.put(
                Texts.get("book.kindChoice", k.name(), k.lengthMinutes()), k.id())));
        return choices;
    }

    public String getKindName() {
        return kindName();
    }

    public String getInstructorName() {
        return instructorName();
    }

    public String getZone() {
        return zone;
    }

    public List<InstructorOfferView> getOffers() {
        return offers;
    }

    public String getInstructorId() {
        return instructorId;
    }

    public void setInstructorId(String instructorId) {
        this.instructorId = instructorId;
    }

    public String getKindId() {
        return kindId;
    }

    public void setKindId(String kindId) {
        this.kindId = kindId;
    }

    public List<DaySlots> getDays() {
        return days;
    }

    public BookingView getMoving() {
        return moving;
    }

    public List<BookingView> getBookings() {
        return bookings;
    }
}
