package org.calsync.domain.model.calendar;

import java.time.Instant;
import java.util.UUID;

import org.calsync.domain.model.tenant.PrivacyMode;
import org.calsync.domain.model.tenant.TenantId;

/** One busy occurrence read back from an external calendar, titled only where privacy allows. */
public class BusyBlock {

    private String id;
    private String tenantId;
    private ExternalCalendar calendar;
    private String remoteId;
    private Instant start;
    private Instant end;
    private boolean allDay;
    private String title;
    private boolean privateEvent;

    protected BusyBlock() {
        // for JPA
    }

    public BusyBlock(TenantId tenantId, ExternalCalendar calendar, RemoteEvent event, BusyInterval interval,
            PrivacyMode privacy) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId.value();
        this.calendar = calendar;
        this.remoteId = event.remoteId();
        this.start = interval.start();
        this.end = interval.end();
        this.allDay = interval.allDay();
        this.privateEvent = event.privateEvent();
        // Full private keeps times only; default keeps titles except for private and confidential events.
        String kept = privacy == PrivacyMode.FULL_PRIVATE || event.privateEvent() ? null : event.title();
        this.title = kept == null ? null : kept.substring(0, Math.min(kept.length(), 300));
    }

    public String id() {
        return id;
    }

    public ExternalCalendar calendar() {
        return calendar;
    }

    public String remoteId() {
        return remoteId;
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    public boolean allDay() {
        return allDay;
    }

    /** The title, or null: shown as "Busy". */
    public String title() {
        return title;
    }

    public boolean privateEvent() {
        return privateEvent;
    }
}
