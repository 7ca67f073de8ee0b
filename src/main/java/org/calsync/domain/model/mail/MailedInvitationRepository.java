package org.calsync.domain.model.mail;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.calsync.domain.model.tenant.TenantId;

public interface MailedInvitationRepository {

    Optional<MailedInvitation> find(TenantId tenantId, String sessionId, String personId);

    void add(MailedInvitation invitation);

    /** The sessions this person was ever emailed about: the only ones their replies can answer. */
    List<String> sessionsMailedTo(TenantId tenantId, String personId);

    /** The people whose last email about this session invited them: they need a cancellation if they leave it. */
    Set<String> invited(TenantId tenantId, String sessionId);
}
