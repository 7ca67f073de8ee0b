package org.calsync.application.email;

import org.calsync.domain.model.mail.InvitationMail;
import org.calsync.domain.model.mail.OutgoingMail;
import org.calsync.domain.model.tenant.TenantId;

/**
 * An invitation email ready to go, with what to record once the relay has taken it.
 *
 * @param contentHash what the event showed; null for a cancellation
 */
record PreparedMail(String entryId, TenantId tenantId, String sessionId, String personId, OutgoingMail mail,
        String contentHash) {

    InvitationMail invitation() {
        return mail.invitation();
    }
}
