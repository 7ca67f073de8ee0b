package org.calsync.interfaces.web.portal;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.domain.shared.UnknownEntityException;
import org.calsync.interfaces.facade.PeopleFacade;
import org.calsync.interfaces.facade.SelfBookingFacade;
import org.calsync.interfaces.facade.dto.AvailabilityForm;
import org.calsync.interfaces.facade.dto.BookableKindForm;
import org.calsync.interfaces.facade.dto.BookableKindView;
import org.calsync.interfaces.facade.dto.PersonView;
import org.calsync.interfaces.facade.dto.PublishedAvailabilityView;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.Texts;

/**
 * An instructor's availability for self-booking: weekly hours and dated exceptions in their own zone, and the kinds
 * of meeting learners can book in them. Nothing here is written to a calendar; only bookings are. In the portal it is
 * the signed-in instructor's own; in the console, an admin's for the person the page names.
 */
@Named
@ViewScoped
public class MyAvailability implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private SelfBookingFacade booking;

    @Inject
    private CurrentUser user;

    @Inject
    private PeopleFacade people;

    /** The person whose availability this is: the console names them; the portal means the signed-in person. */
    private String personId;
    private String personName;
    private boolean allowed;
    private boolean published;
    private String zone;
    private final List<HoursRow> hours = new ArrayList<>();
    private final List<ChangeRow> changes = new ArrayList<>();
    private List<BookableKindView> kinds = List.of();
    private KindRow kind = new KindRow();

    /** One stretch of weekly hours as the form edits it. */
    public static class HoursRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String day = DayOfWeek.MONDAY.name();
        private LocalTime start = LocalTime.of(9, 0);
        private LocalTime end = LocalTime.of(17, 0);

        public String getDay() {
            return day;
        }

        public void setDay(String day) {
            this.day = day;
        }

        public LocalTime getStart() {
            return start;
        }

        public void setStart(LocalTime start) {
            this.start = start;
        }

        public LocalTime getEnd() {
            return end;
        }

        public void setEnd(LocalTime end) {
            this.end = end;
        }
    }

    /** A day off, time off or extra hours on a date, as the form edits it. */
    public static class ChangeRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private LocalDate date;
        private String kind = "DAY_OFF";
        private LocalTime start;
        private LocalTime end;

        public LocalDate getDate() {
            return date;
        }

        public void setDate(LocalDate date) {
            this.date = date;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public LocalTime getStart() {
            return start;
        }

        public void setStart(LocalTime start) {
            this.start = start;
        }

        public LocalTime getEnd() {
            return end;
        }

        public void setEnd(LocalTime end) {
            this.end = end;
        }

        public boolean isWithHours() {
            return !"DAY_OFF".equals(kind);
        }
    }

    /** The bookable kind being added or changed in the dialog; a null id means a new one. */
    public static class KindRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String id;
        private String name;
        private int lengthMinutes = 45;
        private int bufferBeforeMinutes;
        private int bufferAfterMinutes = 15;
        private int noticeHours = 24;
        private int horizonDays = 30;
        private int maxPerDay = 4;
        private int startEveryMinutes = 15;
        private String meetingLink;

        static KindRow of(BookableKindView view) {
            KindRow row = new KindRow();
            row.id = view.id();
            row.name = view.name();
            row.lengthMinutes = view.lengthMinutes();
            row.bufferBeforeMinutes = view.bufferBeforeMinutes();
            row.bufferAfterMinutes = view.bufferAfterMinutes();
            row.noticeHours = view.noticeMinutes() / 60;
            row.horizonDays = view.horizonDays();
            row.maxPerDay = view.maxPerDay();
            row.startEveryMinutes = view.startEveryMinutes();
            row.meetingLink = view.meetingLink();
            return row;
        }

        BookableKindForm form() {
            return new BookableKindForm(name, lengthMinutes, bufferBeforeMinutes, bufferAfterMinutes, noticeHours * 60,
                    horizonDays, maxPerDay, startEveryMinutes, meetingLink);
        }

        public String getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getLengthMinutes() {
            return lengthMinutes;
        }

        public void setLengthMinutes(int lengthMinutes) {
            this.lengthMinutes = lengthMinutes;
        }

        public int getBufferBeforeMinutes() {
            return bufferBeforeMinutes;
        }

        public void setBufferBeforeMinutes(int bufferBeforeMinutes) {
            this.bufferBeforeMinutes = bufferBeforeMinutes;
        }

        public int getBufferAfterMinutes() {
            return bufferAfterMinutes;
        }

        public void setBufferAfterMinutes(int bufferAfterMinutes) {
            this.bufferAfterMinutes = bufferAfterMinutes;
        }

        public int getNoticeHours() {
            return noticeHours;
        }

        public void setNoticeHours(int noticeHours) {
            this.noticeHours = noticeHours;
        }

        public int getHorizonDays() {
            return horizonDays;
        }

        public void setHorizonDays(int horizonDays) {
            this.horizonDays = horizonDays;
        }

        public int getMaxPerDay() {
            return maxPerDay;
        }

        public void setMaxPerDay(int maxPerDay) {
            this.maxPerDay = maxPerDay;
        }

        public int getStartEveryMinutes() {
            return startEveryMinutes;
        }

        public void setStartEveryMinutes(int startEveryMinutes) {
            this.startEveryMinutes = startEveryMinutes;
        }

        public String getMeetingLink() {
            return meetingLink;
        }

        public void setMeetingLink(String meetingLink) {
            this.meetingLink = meetingLink;
        }
    }

    public void load() {
        if (personId == null || personId.isBlank()) {
            personId = user.getPersonId();
            personName = user.getDisplayName();
            allowed = user.isInstructor();
            zone = user.getTimeZone();
        } else {
            // An admin publishes for an instructor; the page lives in the console, which only admins reach.
            try {
                PersonView person = people.get(user.getTenantId(), personId);
                personName = person.displayName();
                allowed = user.isAdmin();
                zone = person.timeZone();
            } catch (UnknownEntityException e) {
                allowed = false;
            }
        }
        if (!allowed) {
            return;
        }
        hours.clear();
        changes.clear();
        PublishedAvailabilityView view = booking.availabilityOf(user.getTenantId(), personId).orElse(null);
        published = view != null;
        if (view == null) {
            // A working week to start from; nothing is bookable until it is published.
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY)) {
                HoursRow row = new HoursRow();
                row.day = day.name();
                hours.add(row);
            }
        } else {
            zone = view.zone();
            view.weeklyHours().forEach(published -> {
                HoursRow row = new HoursRow();
                row.day = published.day();
                row.start = LocalTime.parse(published.start());
                row.end = LocalTime.parse(published.end());
                hours.add(row);
            });
            view.changes().forEach(published -> {
                ChangeRow row = new ChangeRow();
                row.date = LocalDate.parse(published.date());
                row.kind = published.kind();
                row.start = published.start() == null ? null : LocalTime.parse(published.start());
                row.end = published.end() == null ? null : LocalTime.parse(published.end());
                changes.add(row);
            });
        }
        kinds = booking.kindsOf(user.getTenantId(), personId);
    }

    public void addHours() {
        HoursRow row = new HoursRow();
        if (!hours.isEmpty()) {
            HoursRow last = hours.get(hours.size() - 1);
            row.day = DayOfWeek.valueOf(last.day).plus(1).name();
            row.start = last.start;
            row.end = last.end;
        }
        hours.add(row);
    }

    public void removeHours(HoursRow row) {
        hours.remove(row);
    }

    public void addChange() {
        ChangeRow row = new ChangeRow();
        row.date = LocalDate.now(ZoneId.of(zone)).plusDays(7);
        changes.add(row);
    }

    public void removeChange(ChangeRow row) {
        changes.remove(row);
    }

    /** Publishes the hours and exceptions; learners see the new times at once. */
    public void publish() {
        try {
            booking.publish(user.getTenantId(), personId, new AvailabilityForm(zone,
                    hours.stream().map(row -> new AvailabilityForm.Hours(row.day, row.start, row.end)).toList(),
                    changes.stream().map(row -> new AvailabilityForm.Change(row.date, row.kind, row.start, row.end))
                            .toList()));
            published = true;
            FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("availability.published"));
        } catch (RuntimeException e) {
            FacesErrors.show("availabilityForm", e);
        }
    }

    public void newKind() {
        kind = new KindRow();
        kind.name = Texts.get("availability.defaultKindName");
    }

    public void editKind(BookableKindView view) {
        kind = KindRow.of(view);
    }

    /** Saves the dialog's kind; the dialog closes only when it was saved. */
    public void saveKind() {
        try {
            if (kind.id == null) {
                booking.offer(user.getTenantId(), personId, kind.form());
            } else {
                booking.change(user.getTenantId(), kind.id, kind.form());
            }
            kinds = booking.kindsOf(user.getTenantId(), personId);
            FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("availability.kindSaved", kind.name));
        } catch (RuntimeException e) {
            FacesErrors.show("kindDialogForm", e);
        }
    }

    public void withdrawKind(BookableKindView view) {
        booking.withdraw(user.getTenantId(), view.id());
        kinds = booking.kindsOf(user.getTenantId(), personId);
        FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("availability.kindWithdrawn", view.name()));
    }

    /** "45 min". */
    public String lengthOf(BookableKindView view) {
        return Texts.get("availability.minutes", view.lengthMinutes());
    }

    /** The kind's rules in one line: buffers, notice, horizon and daily maximum. */
    public String rulesOf(BookableKindView view) {
        return Texts.get("availability.rulesText", view.bufferBeforeMinutes(), view.bufferAfterMinutes(),
                view.noticeMinutes() / 60, view.horizonDays(), view.maxPerDay());
    }

    /** Days of the week, Monday first, named in the page's language. */
    public Map<String, String> getDayChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            choices.put(Texts.capitalised(day.getDisplayName(TextStyle.FULL, Texts.locale())), day.name());
        }
        return choices;
    }

    public Map<String, String> getChangeKinds() {
        Map<String, String> choices = new LinkedHashMap<>();
        for (String kindName : List.of("DAY_OFF", "TIME_OFF", "EXTRA_HOURS")) {
            choices.put(Texts.get("availability.change." + kindName), kindName);
        }
        return choices;
    }

    /** Whether the page may edit this availability: one's own as an instructor, or anyone's as an admin. */
    public boolean isAllowed() {
        return allowed;
    }

    public String getPersonId() {
        return personId;
    }

    public void setPersonId(String personId) {
        this.personId = personId;
    }

    public String getPersonName() {
        return personName;
    }

    /** What the console page explains, naming the person rather than "you". */
    public String getLeadForAdmin() {
        return allowed ? Texts.get("availability.leadFor", personName) : "";
    }

    /** The console page's title: whose availability it is. */
    public String getTitleForAdmin() {
        return allowed ? Texts.get("availability.of", personName) : Texts.get("syncLog.personNotFound");
    }

    public boolean isPublished() {
        return published;
    }

    public String getZone() {
        return zone;
    }

    public List<HoursRow> getHours() {
        return hours;
    }

    public List<ChangeRow> getChanges() {
        return changes;
    }

    public List<BookableKindView> getKinds() {
        return kinds;
    }

    public KindRow getKind() {
        return kind;
    }
}
