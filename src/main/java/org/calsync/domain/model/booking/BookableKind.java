package org.calsync.domain.model.booking;

import java.time.Duration;
import java.util.UUID;

import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.Validation;

/**
 * Something learners can book with one instructor, such as "Progress review, 45 min": its length, the free time
 * kept around it, how late and how far ahead it can be booked, how many a day, and where the meeting is held.
 */
public class BookableKind {

    private String id;
    private String tenantId;
    private String instructorId;
    private String name;
    private int lengthMinutes;
    private int bufferBeforeMinutes;
    private int bufferAfterMinutes;
    private int noticeMinutes;
    private int horizonDays;
    private int maxPerDay;
    private int startEveryMinutes;
    private String meetingLink;
    private boolean withdrawn;
    private long version;

    /**
     * What an instructor sets for a kind.
     *
     * @param startEveryMinutes how far apart the offered start times are, from the start of each stretch of
     *        availability (15 offers 09:00, 09:15, 09:30...)
     * @param meetingLink       where the meeting is held online, written into both events; null for none
     */
    public record Settings(String name, int lengthMinutes, int bufferBeforeMinutes, int bufferAfterMinutes,
            int noticeMinutes, int horizonDays, int maxPerDay, int startEveryMinutes, String meetingLink) {
    }

    protected BookableKind() {
        // for JPA
    }

    public BookableKind(TenantId tenantId, String instructorId, Settings settings) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId.value();
        this.instructorId = instructorId;
        change(settings);
    }

    public final void change(Settings settings) {
        Validation validation = new Validation();
        String cleanName = validation.required("name", settings.name(), 100, "label.name");
        validation.check(settings.lengthMinutes() >= 5 && settings.lengthMinutes() <= 8 * 60, "lengthMinutes",
                "bookableKind.lengthRange");
        validation.check(settings.bufferBeforeMinutes() >= 0 && settings.bufferBeforeMinutes() <= 240,
                "bufferBeforeMinutes", "bookableKind.bufferRange");
        validation.check(settings.bufferAfterMinutes() >= 0 && settings.bufferAfterMinutes() <= 240,
                "bufferAfterMinutes", "bookableKind.bufferRange");
        validation.check(settings.noticeMinutes() >= 0 && settings.noticeMinutes() <= 30 * 24 * 60, "noticeMinutes",
                "bookableKind.noticeRange");
        validation.check(settings.horizonDays() >= 1 && settings.horizonDays() <= 366, "horizonDays",
                "bookableKind.horizonRange");
        validation.check(settings.maxPerDay() >= 1 && settings.maxPerDay() <= 48, "maxPerDay",
                "bookableKind.maxPerDayRange");
        validation.check(settings.startEveryMinutes() >= 5 && settings.startEveryMinutes() <= 240, "startEveryMinutes",
                "bookableKind.startEveryRange");
        String link = validation.webLink("meetingLink", settings.meetingLink(), "label.meetingLink");
        validation.throwIfInvalid();
        this.name = cleanName;
        this.lengthMinutes = settings.lengthMinutes();
        this.bufferBeforeMinutes = settings.bufferBeforeMinutes();
        this.bufferAfterMinutes = settings.bufferAfterMinutes();
        this.noticeMinutes = settings.noticeMinutes();
        this.horizonDays = settings.horizonDays();
        this.maxPerDay = settings.maxPerDay();
        this.startEveryMinutes = settings.startEveryMinutes();
        this.meetingLink = link;
    }

    /** No new bookings; those already made stay. */
    public void withdraw() {
        this.withdrawn = true;
    }

    public Settings settings() {
        return new Settings(name, lengthMinutes, bufferBeforeMinutes, bufferAfterMinutes, noticeMinutes, horizonDays,
                maxPerDay, startEveryMinutes, meetingLink);
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String instructorId() {
        return instructorId;
    }

    public String name() {
        return name;
    }

    public Duration length() {
        return Duration.ofMinutes(lengthMinutes);
    }

    public Duration bufferBefore() {
        return Duration.ofMinutes(bufferBeforeMinutes);
    }

    public Duration bufferAfter() {
        return Duration.ofMinutes(bufferAfterMinutes);
    }

    public Duration notice() {
        return Duration.ofMinutes(noticeMinutes);
    }

    public Duration horizon() {
        return Duration.ofDays(horizonDays);
    }

    public int maxPerDay() {
        return maxPerDay;
    }

    public Duration startEvery() {
        return Duration.ofMinutes(startEveryMinutes);
    }

    /** Null when the kind names no meeting place online. */
    public String meetingLink() {
        return meetingLink;
    }

    public boolean withdrawn() {
        return withdrawn;
    }

    public long version() {
        return version;
    }
}
