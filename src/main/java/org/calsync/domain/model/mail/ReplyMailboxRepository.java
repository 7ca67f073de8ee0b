package org.calsync.domain.model.mail;

import java.util.List;
import java.util.Optional;

import org.calsync.domain.model.tenant.TenantId;

public interface ReplyMailboxRepository {

    Optional<ReplyMailbox> find(TenantId tenantId);

    /** The organisations whose mailbox CalSync reads. */
    List<TenantId> reading();

    void add(ReplyMailbox mailbox);
}
