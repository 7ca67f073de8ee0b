package org.calsync.domain.model.mail;

import java.time.Instant;
import java.util.UUID;

import org.calsync.domain.model.tenant.TenantId;

/**
 * What one person's mailbox was last sent for one session: the SEQUENCE of that message, a fingerprint of what it
 * showed, and whether it was a cancellation. The next message follows from it: nothing when the session looks the
 * same, an update with a higher SEQUENCE when it changed, a cancellation when the person left it.
 */
public class MailedInvitation {

    private String id;
    private String tenantId;
    private String sessionId;
    private String personId;
    private int sequenceNumber;
    private String contentHash;
    private boolean cancelled;
    private Instant sentAt;
    private long version;

    protected MailedInvitation() {
        // for JPA
    }

    public MailedInvitation(TenantId tenantId, String sessionId, String personId) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId.value();
        this.sessionId = sessionId;
        this.personId = personId;
        this.sequenceNumber = -1; // nothing sent yet: the first message has SEQUENCE 0
        this.cancelled = true;
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

    /** The SEQUENCE of the next message: one more than the last, so that mail clients apply it over the last. */
    public int nextSequence() {
        return sequenceNumber + 1;
    }

    /** Whether the person's calendar shows the session as it would look with this fingerprint. */
    public boolean shows(String hash) {
        return !cancelled && hash.equals(contentHash);
    }

    /** Whether the last message invited the person, so that leaving the session needs a cancellation. */
    public boolean invited() {
        return !cancelled && sequenceNumber >= 0;
    }

    public void sent(InvitationMail.Method method, int sequence, String hash, Instant at) {
        this.sequenceNumber = sequence;
        this.cancelled = method == InvitationMail.Method.CANCEL;
        this.contentHash = cancelled ? null : hash;
        this.sentAt = at;
    }
}
