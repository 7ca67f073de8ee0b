package org.calsync.domain.model.calendar;

import java.time.Instant;
import java.util.UUID;

import org.calsync.domain.model.tenant.TenantId;

/**
 * One event CalSync wrote: (session, person) joined to where it lives and the version the provider
 * gave it. The content hash tells whether the session changed since the last write.
 */
public class EventLink {

    private String id;
    private String tenantId;
    private String sessionId;
    private String personId;
    private ExternalCalendar calendar;
    private String remoteId;
    private String uid;
    private String versionTag;
    private String contentHash;
    private int sequenceNo;
    private Instant updatedAt;
    /** Optimistic lock: a write recorded from a stale read fails instead of overwriting a newer one. */
    private long version;

    protected EventLink() {
        // for JPA
    }

    public EventLink(TenantId tenantId, String sessionId, String personId, ExternalCalendar calendar, String uid,
            WriteResult written, String contentHash) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId.value();
        this.sessionId = sessionId;
        this.personId = personId;
        this.calendar = calendar;
        this.uid = uid;
        recordWrite(written, contentHash);
    }

    public void recordWrite(WriteResult written, String newHash) {
        this.remoteId = written.remoteId();
        this.versionTag = written.version();
        this.contentHash = newHash;
        this.updatedAt = Instant.now();
    }

    /**
     * Someone changed our event in the calendar. Its new version is taken, so the next write is accepted,
     * and the content is marked unknown, so that write happens.
     */
    public void editedElsewhere(String newVersion) {
        this.versionTag = newVersion;
        this.contentHash = "";
    }

    /** The next SEQUENCE for a changed event, as iCalendar clients expect. */
    public int nextSequence() {
        return ++sequenceNo;
    }

    public int sequence() {
        return sequenceNo;
    }

    public String id() {
        return id;
    }

    public TenantId tenantId() {
        return new TenantId(tenantId);
    }

    public String sessionId() {
        return sessionId;
    }

    public String personId() {
        return personId;
    }

    public ExternalCalendar calendar() {
        return calendar;
    }

    public String remoteId() {
        return remoteId;
    }

    public String uid() {
        return uid;
    }

    public String versionTag() {
        return versionTag;
    }

    public String contentHash() {
        return contentHash;
    }
}
