package org.calsync.interfaces.facade;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.planning.Availability.PersonAvailability;
import org.calsync.application.planning.SchedulingAssistant;
import org.calsync.application.sessions.SessionService;
import org.calsync.domain.model.person.WorkingHours;
import org.calsync.domain.model.planning.FreeSlot;
import org.calsync.domain.model.planning.SlotSearch;
import org.calsync.domain.model.session.SessionDetails;
import org.calsync.domain.model.session.SessionState;
import org.calsync.domain.model.session.SessionTime;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.Validation;
import org.calsync.interfaces.facade.dto.BookingForm;
import org.calsync.interfaces.facade.dto.PlanRequest;
import org.calsync.interfaces.facade.dto.PlanView;
import org.calsync.interfaces.facade.dto.SessionView;

/** The scheduling assistant: availability side by side, suggested times, and booking one of them. */
@ApplicationScoped
public class PlanningFacade {

    @Inject
    private SchedulingAssistant assistant;

    @Inject
    private SessionService sessions;

    /** Outside any transaction: Exchange may be asked for free/busy. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public PlanView plan(String tenantId, PlanRequest request) {
        Validation validation = new Validation();
        ZoneId zone = validation.zone("timeZone", request.timeZone());
        validation.check(request.personIds() != null && !request.personIds().isEmpty(), "people", "planning.noPeople");
        validation.throwIfInvalid();
        Duration length = Duration.ofMinutes(request.durationMinutes());
        SlotSearch search = new SlotSearch(request.from(), request.to(), length, request.dayStart(), request.dayEnd(),
                request.days() == null || request.days().isEmpty() ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)
                        : request.days(), zone, null);
        SchedulingAssistant.Plan plan = assistant.plan(new TenantId(tenantId),
                request.personIds().stream().distinct().toList(), search);
        Map<String, String> names = plan.people().stream()
                .collect(Collectors.toMap(PersonAvailability::personId, PersonAvailability::name));
        List<PlanView.Row> rows = plan.people().stream().map(person -> row(person, search)).toList();
        List<PlanView.Slot> slots = plan.slots().stream().map(slot -> slot(slot, zone, names::get)).toList();
        return new PlanView(zone.getId(), rows, slots);
    }

    private static PlanView.Row row(PersonAvailability person, SlotSearch search) {
        ZoneId zone = search.zone();
        List<PlanView.Block> blocks = new ArrayList<>();
        String kind = person.source().organisationService() ? person.source().apiName() : "CALENDAR";
        person.busy().forEach(time -> blocks.add(new PlanView.Block(kind,
                time.interval().start().atZone(zone).toLocalDateTime(),
                time.interval().end().atZone(zone).toLocalDateTime(),
                time.interval().allDay(), time.title(), time.origin(), time.readAt(), time.lastError())));
        person.sessions().forEach(session -> blocks.add(new PlanView.Block("SESSION",
                session.start().atZone(zone).toLocalDateTime(), session.end().atZone(zone).toLocalDateTime(), false,
                session.title(), "Session", null, null)));
        return new PlanView.Row(person.personId(), person.name(), person.source().apiName(), person.problem(),
                person.zone().getId(), offHours(person.hours(), person.zone(), search), blocks);
    }

    /**
     * The parts of each chosen day, in the plan's zone, when the person does not work: their own hours and
     * days, moved into the plan's zone. Usually none; someone abroad or part-time shows where they differ.
     */
    private static List<PlanView.Span> offHours(WorkingHours hours, ZoneId own, SlotSearch search) {
        List<PlanView.Span> spans = new ArrayList<>();
        for (LocalDate day = search.firstDay(); !day.isAfter(search.lastDay()); day = day.plusDays(1)) {
            if (!search.days().contains(day.getDayOfWeek())) {
                continue;
            }
            LocalDateTime open = day.atTime(search.dayStart());
            LocalDateTime close = day.atTime(search.dayEnd());
            LocalDate ownDay = open.atZone(search.zone()).withZoneSameInstant(own).toLocalDate();
            if (!hours.days().contains(ownDay.getDayOfWeek())) {
                spans.add(new PlanView.Span(open, close));
                continue;
            }
            LocalDateTime works = inPlanZone(ownDay.atTime(hours.start()), own, search);
            LocalDateTime stops = inPlanZone(ownDay.atTime(hours.end()), own, search);
            if (works.isAfter(open)) {
                spans.add(new PlanView.Span(open, works.isBefore(close) ? works : close));
            }
            if (stops.isBefore(close)) {
                spans.add(new PlanView.Span(stops.isAfter(open) ? stops : open, close));
            }
        }
        return spans;
    }

    private static LocalDateTime inPlanZone(LocalDateTime wallClock, ZoneId own, SlotSearch search) {
        return wallClock.atZone(own).withZoneSameInstant(search.zone()).toLocalDateTime();
    }

    private static PlanView.Slot slot(FreeSlot slot, ZoneId zone, Function<String, String> names) {
        return new PlanView.Slot(slot.start().atZone(zone).toLocalDateTime(), slot.end().atZone(zone).toLocalDateTime(),
                slot.busyPersonIds().stream().map(names).toList(),
                slot.outsideHoursPersonIds().stream().map(names).toList());
    }

    /** Creates the session active, so that the push to everyone's calendars follows at once. */
    @Transactional
    public SessionView book(String tenantId, BookingForm form) {
        Validation validation = new Validation();
        List<String> leaders = form.leaderIds() == null ? List.of() : form.leaderIds().stream().distinct().toList();
        List<String> others = form.attendeeIds() == null ? List.of()
                : form.attendeeIds().stream().distinct().filter(id -> !leaders.contains(id)).toList();
        validation.check(!leaders.isEmpty(), "leaders", "planning.noLeader");
        if (BookingForm.REVIEW.equals(form.kind())) {
            validation.check(leaders.size() == 1 && others.size() == 1, "leaders",
                    "planning.reviewPair");
        } else {
            validation.check(BookingForm.SESSION.equals(form.kind()), "kind",
                    "planning.kindRequired");
        }
        SessionDetails details = validation.attempt(() -> new SessionDetails(form.courseTitle(), form.venue(),
                form.meetingLink(), null));
        SessionTime time = validation.attempt(() -> SessionTime.ofLocal(form.start(), form.end(), form.timeZone()));
        validation.throwIfInvalid();
        TenantId tenant = new TenantId(tenantId);
        TrainingSession session = sessions.create(tenant, details, time, SessionState.ACTIVE);
        leaders.forEach(id -> sessions.assignInstructor(tenant, session.id(), id));
        others.forEach(id -> sessions.register(tenant, session.id(), id));
        return SessionFacade.view(sessions.find(tenant, session.id()));
    }
}
