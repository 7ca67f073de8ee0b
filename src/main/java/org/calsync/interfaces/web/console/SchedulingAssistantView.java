package org.calsync.interfaces.web.console;

import java.io.IOException;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.PeopleFacade;
import org.calsync.interfaces.facade.PlanningFacade;
import org.calsync.interfaces.facade.dto.BookingForm;
import org.calsync.interfaces.facade.dto.PersonView;
import org.calsync.interfaces.facade.dto.PlanRequest;
import org.calsync.interfaces.facade.dto.PlanView;
import org.calsync.interfaces.facade.dto.SessionView;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.Formats;
import org.calsync.interfaces.web.Texts;
import org.primefaces.event.timeline.TimelineSelectEvent;
import org.primefaces.model.timeline.TimelineEvent;
import org.primefaces.model.timeline.TimelineGroup;
import org.primefaces.model.timeline.TimelineModel;
import org.primefaces.util.EscapeUtils;

/**
 * The scheduling assistant: the admin picks people, days, a length and hours; a timeline shows each
 * person's busy times and working hours, and the suggested times, which can be booked as a session.
 */
@Named("assistant")
@ViewScoped
public class SchedulingAssistantView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String SUGGESTED = "suggested";
    private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    @Inject
    private PlanningFacade planning;

    @Inject
    private PeopleFacade people;

    @Inject
    private CurrentUser user;

    @Inject
    private Formats formats;

    private List<PersonView> everyone = List.of();
    private List<String> personIds = new ArrayList<>();
    private LocalDate from;
    private LocalDate to;
    private int durationMinutes = 60;
    private LocalTime dayStart = LocalTime.of(9, 0);
    private LocalTime dayEnd = LocalTime.of(17, 0);
    private List<String> days = new ArrayList<>(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"));
    private String timeZone;
    private boolean narrow;
    private PlanView plan;
    private TimelineModel<Item, String> model;
    private TimelineWindow window;
    private final Booking booking = new Booking();

    public void load() {
        everyone = people.list(user.getTenantId());
        timeZone = user.getTimeZone();
        from = LocalDate.now(ZoneId.of(timeZone));
        to = from.plusDays(13);
    }

    /** Reads everyone's availability and ranks the times that suit them. */
    public void find() {
        try {
            Set<DayOfWeek> chosenDays = EnumSet.noneOf(DayOfWeek.class);
            days.forEach(day -> chosenDays.add(DayOfWeek.valueOf(day)));
            plan = planning.plan(user.getTenantId(), new PlanRequest(List.copyOf(personIds), from, to, durationMinutes,
                    dayStart, dayEnd, chosenDays, timeZone));
            window = TimelineWindow.first(from, to, chosenDays, dayStart, dayEnd, window == null ? narrow : window.oneDay());
            model = timeline(plan);
        } catch (RuntimeException e) {
            plan = null;
            model = null;
            window = null;
            FacesErrors.show("assistantForm", e);
        }
    }

    /** The timeline shows the week (or day) before the one in view. */
    public void previousView() {
        window = window.previous();
        model = timeline(plan);
    }

    public void nextView() {
        window = window.next();
        model = timeline(plan);
    }

    /** Between one day and one week at a time. */
    public void showOneDay(boolean oneDay) {
        window = window.showingOneDay(oneDay);
        model = timeline(plan);
    }

    /**
     * Only what the window shows, clipped to it: nothing outside can be drawn piled at its edge. Items carry no
     * editable flag of their own: the timeline is not editable, and the flag cost 70 bytes an item in the answer.
     */
    private TimelineModel<Item, String> timeline(PlanView found) {
        TimelineModel<Item, String> timeline = new TimelineModel<>();
        timeline.addGroup(new TimelineGroup<>(SUGGESTED, EscapeUtils.forHtml(Texts.get("assistant.suggestedTimes"))));
        for (int i = 0; i < found.slots().size(); i++) {
            PlanView.Slot slot = found.slots().get(i);
            if (!window.shows(slot.start(), slot.end())) {
                continue;
            }
            timeline.add(TimelineEvent.<Item>builder().id("slot-" + i).group(SUGGESTED)
                    .data(new Item("#" + (i + 1), i))
                    .startDate(slot.start()).endDate(slot.end())
                    .styleClass(slot.suitsEveryone() ? "cs-slot" : "cs-slot cs-slot-partial")
                    .title(tooltip(describe(slot))).build());
        }
        for (PlanView.Row row : found.rows()) {
            timeline.addGroup(new TimelineGroup<>(row.personId(), EscapeUtils.forHtml(row.name())));
            for (PlanView.Span span : row.offHours()) {
                if (window.shows(span.start(), span.end())) {
                    PlanView.Span shown = window.clip(span.start(), span.end());
                    timeline.add(TimelineEvent.<Item>builder().group(row.personId()).type("background")
                            .data(new Item("", -1)).startDate(shown.start()).endDate(shown.end())
                            .styleClass("cs-off-hours").build());
                }
            }
            for (PlanView.Block block : row.blocks()) {
                if (!window.shows(block.start(), block.end())) {
                    continue;
                }
                PlanView.Span shown = window.clip(block.start(), block.end());
                timeline.add(TimelineEvent.<Item>builder().group(row.personId())
                        .data(new Item(EscapeUtils.forHtml(titleOf(block)), -1))
                        .startDate(shown.start()).endDate(shown.end())
                        .styleClass("SESSION".equals(block.kind()) ? "cs-busy cs-busy-session" : "cs-busy")
                        .title(tooltip(provenance(block))).build());
            }
        }
        return timeline;
    }

    /** vis-timeline shows a title as HTML, and PrimeFaces turns its own filter off: every line is escaped here. */
    private static String tooltip(String text) {
        return Arrays.stream(text.split("\n")).map(EscapeUtils::forHtml).collect(Collectors.joining("<br>"));
    }

    private static String titleOf(PlanView.Block block) {
        return block.title() == null ? Texts.get("assistant.busy") : block.title();
    }

    /** What hovering a busy block says: what it is, where it came from, how fresh, and any problem. */
    String provenance(PlanView.Block block) {
        String what = titleOf(block) + ", " + CLOCK.format(block.start()) + "\u2013" + CLOCK.format(block.end());
        String where = switch (block.kind()) {
            case "SESSION" -> Texts.get("assistant.sessionOrigin");
            case "CALENDAR" -> Texts.get("assistant.calendarOrigin", block.origin(),
                    block.readAt() == null ? Texts.get("assistant.never") : formats.moment(block.readAt(), timeZone));
            default -> Texts.get("assistant.freeBusyOrigin", Texts.get("source." + block.kind()),
                    formats.moment(block.readAt(), timeZone));
        };
        String problem = block.lastError() == null ? "" : "\n" + Texts.get("assistant.lastError", block.lastError());
        return what + "\n" + where + problem;
    }

    public String describe(PlanView.Slot slot) {
        String when = SLOT.withLocale(Texts.locale()).format(slot.start()) + "\u2013" + CLOCK.format(slot.end());
        if (slot.suitsEveryone()) {
            return Texts.get("assistant.everyoneIsFree", when);
        }
        List<String> notes = new ArrayList<>();
        if (!slot.busy().isEmpty()) {
            notes.add(Texts.get("assistant.busyNames", String.join(", ", slot.busy())));
        }
        if (!slot.outsideHours().isEmpty()) {
            notes.add(Texts.get("assistant.outsideHoursNames", String.join(", ", slot.outsideHours())));
        }
        return when + ": " + String.join("; ", notes);
    }

    /** A suggested time was clicked on the timeline. */
    public void onSelect(TimelineSelectEvent<Item> event) {
        Item item = event.getTimelineEvent().getData();
        if (item != null && item.slotIndex() >= 0) {
            chooseSlot(item.slotIndex());
        }
    }

    /** Prepares the booking form for the n-th suggestion. */
    public void chooseSlot(int index) {
        PlanView.Slot slot = plan.slots().get(index);
        booking.slot = slot;
        booking.kind = personIds.size() == 2 ? BookingForm.REVIEW : BookingForm.SESSION;
        booking.courseTitle = personIds.size() == 2 ? Texts.get("assistant.reviewTitle") : "";
        booking.leaderIds = personIds.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(personIds.get(0)));
        booking.venue = null;
        booking.meetingLink = null;
    }

    /** Books the chosen time: the session is created active, so everyone's calendars get it at once. */
    public void book() throws IOException {
        try {
            List<String> others = personIds.stream().filter(id -> !booking.leaderIds.contains(id)).toList();
            SessionView session = planning.book(user.getTenantId(), new BookingForm(booking.kind, booking.courseTitle,
                    booking.slot.start(), booking.slot.end(), plan.timeZone(), booking.venue, booking.meetingLink,
                    List.copyOf(booking.leaderIds), others));
            FacesContext context = FacesContext.getCurrentInstance();
            ExternalContext external = context.getExternalContext();
            external.getFlash().setKeepMessages(true);
            FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("assistant.booked", session.courseTitle()));
            external.redirect(external.getRequestContextPath() + "/admin/session.xhtml?id=" + session.id());
        } catch (RuntimeException e) {
            FacesErrors.show("bookingForm", e);
        }
    }

    public List<PersonView> getEveryone() {
        return everyone;
    }

    /** The chosen people, for the booking form's "led by" choice. */
    public List<PersonView> getChosen() {
        return everyone.stream().filter(person -> personIds.contains(person.id())).toList();
    }

    /**
     * The nights and unchosen weekdays between the shown days, for vis-timeline's hiddenDates. It reads them in
     * the browser's zone unless given an offset, so each carries the plan zone's offset at that moment.
     */
    public String getHiddenDates() {
        return window.hidden().stream().map(span -> "{start:'" + atPlanOffset(span.start()) + "',end:'"
                + atPlanOffset(span.end()) + "'}").collect(Collectors.joining(","));
    }

    public String getWindowStart() {
        return atPlanOffset(window.start());
    }

    public String getWindowEnd() {
        return atPlanOffset(window.end());
    }

    public TimelineWindow getWindow() {
        return window;
    }

    /** "Mon 7 Dec 2026" for a day, "Mon 7 Dec 2026 – Fri 11 Dec 2026" for a week, in the page's language. */
    public String getWindowLabel() {
        List<LocalDate> shown = window.shownDays();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Texts.locale());
        return shown.size() == 1 ? day.format(shown.get(0))
                : day.format(shown.get(0)) + " \u2013 " + day.format(shown.get(shown.size() - 1));
    }

    private String atPlanOffset(LocalDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atZone(ZoneId.of(plan.timeZone())).toOffsetDateTime());
    }

    /** The people with no linked calendar, named once rather than a line each. */
    public String getUnlinkedNames() {
        return plan.rows().stream().filter(row -> "NONE".equals(row.source()) && row.problem() == null)
                .map(PlanView.Row::name).collect(Collectors.joining(", "));
    }

    /** The people whose linked calendars have not been read yet: nothing shown for them means nothing known. */
    public String getNotReadNames() {
        return plan.rows().stream().filter(row -> "NOT_READ_YET".equals(row.source()))
                .map(PlanView.Row::name).collect(Collectors.joining(", "));
    }

    public PlanView getPlan() {
        return plan;
    }

    public TimelineModel<Item, String> getModel() {
        return model;
    }

    public Booking getBooking() {
        return booking;
    }

    public List<String> getPersonIds() {
        return personIds;
    }

    public void setPersonIds(List<String> personIds) {
        this.personIds = personIds == null ? new ArrayList<>() : new ArrayList<>(personIds);
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public void setDurationMinutes(int durationMinutes) {
        this.durationMinutes = durationMinutes;
    }

    public LocalTime getDayStart() {
        return dayStart;
    }

    public void setDayStart(LocalTime dayStart) {
        this.dayStart = dayStart;
    }

    public LocalTime getDayEnd() {
        return dayEnd;
    }

    public void setDayEnd(LocalTime dayEnd) {
        this.dayEnd = dayEnd;
    }

    public List<String> getDays() {
        return days;
    }

    public void setDays(List<String> days) {
        this.days = days == null ? new ArrayList<>() : new ArrayList<>(days);
    }

    /** Whether the browser's window is a phone's, as the page says when it asks; it then starts on one day. */
    public boolean isNarrow() {
        return narrow;
    }

    public void setNarrow(boolean narrow) {
        this.narrow = narrow;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    /**
     * What a timeline item shows, already escaped for HTML, and which suggestion it is (-1 for busy blocks).
     * p:timeline renders item content while its writer is inside a script element, where Mojarra's writer
     * escapes nothing; vis-timeline then inserts it as HTML. So the page writes these labels unescaped.
     */
    public record Item(String label, int slotIndex) implements Serializable {
    }

    /** The booking dialog's fields. */
    public static class Booking implements Serializable {

        private static final long serialVersionUID = 1L;
        private PlanView.Slot slot;
        private String kind = BookingForm.SESSION;
        private String courseTitle;
        private List<String> leaderIds = new ArrayList<>();
        private String venue;
        private String meetingLink;

        public PlanView.Slot getSlot() {
            return slot;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getCourseTitle() {
            return courseTitle;
        }

        public void setCourseTitle(String courseTitle) {
            this.courseTitle = courseTitle;
        }

        public List<String> getLeaderIds() {
            return leaderIds;
        }

        public void setLeaderIds(List<String> leaderIds) {
            this.leaderIds = leaderIds == null ? new ArrayList<>() : new ArrayList<>(leaderIds);
        }

        public String getVenue() {
            return venue;
        }

        public void setVenue(String venue) {
            this.venue = venue;
        }

        public String getMeetingLink() {
            return meetingLink;
        }

        public void setMeetingLink(String meetingLink) {
            this.meetingLink = meetingLink;
        }
    }
}
