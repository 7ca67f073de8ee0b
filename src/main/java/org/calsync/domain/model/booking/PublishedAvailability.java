package org.calsync.domain.model.booking;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.Validation;

/**
 * When an instructor can be booked: weekly hours and dated exceptions, in wall-clock time of their own zone, so
 * that 09:00 stays 09:00 across a change of daylight saving time. Nothing here is ever written to a calendar: only
 * bookings become events.
 */
public class PublishedAvailability {

    static final int MAX_WEEKLY_HOURS = 50;
    static final int MAX_CHANGES = 400;

    private String personId;
    private String tenantId;
    private String zone;
    private List<WeeklyHours> weeklyHours = new ArrayList<>();
    private List<AvailabilityChange> changes = new ArrayList<>();
    private long version;

    protected PublishedAvailability() {
        // for JPA
    }

    public PublishedAvailability(TenantId tenantId, String personId, ZoneId zone, List<WeeklyHours> weeklyHours,
            List<AvailabilityChange> changes) {
        this.tenantId = tenantId.value();
        this.personId = personId;
        replace(zone, weeklyHours, changes);
    }

    /** Publishes new hours and exceptions in place of the old ones. */
    public final void replace(ZoneId newZone, List<WeeklyHours> newWeeklyHours, List<AvailabilityChange> newChanges) {
        Validation validation = new Validation();
        validation.check(newZone != null, "zone", "input.zoneRequired");
        validation.check(newWeeklyHours != null && newWeeklyHours.size() <= MAX_WEEKLY_HOURS, "weeklyHours",
                "availability.tooManyHours", MAX_WEEKLY_HOURS);
        validation.check(newChanges != null && newChanges.size() <= MAX_CHANGES, "changes",
                "availability.tooManyChanges", MAX_CHANGES);
        if (newChanges != null) {
            Set<LocalDate> daysOff = newChanges.stream().filter(change -> change.kind() == AvailabilityChange.Kind.DAY_OFF)
                    .map(AvailabilityChange::date).collect(Collectors.toSet());
            // A day off with extra hours on it says two things; the instructor must say which they mean.
            validation.check(newChanges.stream().noneMatch(change -> change.kind() == AvailabilityChange.Kind.EXTRA_HOURS
                    && daysOff.contains(change.date())), "changes", "availability.extraHoursOnDayOff");
        }
        validation.throwIfInvalid();
        this.zone = newZone.getId();
        this.weeklyHours = new ArrayList<>(newWeeklyHours);
        this.changes = new ArrayList<>(newChanges);
    }

    /** The stretches of that date that can be booked, in wall-clock time: sorted, disjoint, maybe none. */
    public List<LocalTimeSpan> openOn(LocalDate date) {
        if (changes.stream().anyMatch(change -> change.date().equals(date)
                && change.kind() == AvailabilityChange.Kind.DAY_OFF)) {
            return List.of();
        }
        List<LocalTimeSpan> open = new ArrayList<>();
        weeklyHours.stream().filter(hours -> hours.day() == date.getDayOfWeek()).map(WeeklyHours::span).forEach(open::add);
        changes.stream().filter(change -> change.date().equals(date) && change.kind() == AvailabilityChange.Kind.EXTRA_HOURS)
                .map(AvailabilityChange::span).forEach(open::add);
        List<LocalTimeSpan> result = LocalTimeSpan.merged(open);
        for (AvailabilityChange change : changes) {
            if (change.date().equals(date) && change.kind() == AvailabilityChange.Kind.TIME_OFF) {
                result = LocalTimeSpan.without(result, change.span());
            }
        }
        return result;
    }

    public String personId() {
        return personId;
    }

    public String tenantId() {
        return tenantId;
    }

    public ZoneId zone() {
        return ZoneId.of(zone);
    }

    /** Monday first, each day's stretches by start. */
    public List<WeeklyHours> weeklyHours() {
        return weeklyHours.stream().sorted(Comparator.comparing(WeeklyHours::day).thenComparing(WeeklyHours::start))
                .toList();
    }

    /** By date, each date's stretches by start (a day off first). */
    public List<AvailabilityChange> changes() {
        return changes.stream().sorted(Comparator.comparing(AvailabilityChange::date)
                .thenComparing(AvailabilityChange::start, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
    }

    public long version() {
        return version;
    }
}
