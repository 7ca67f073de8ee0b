package org.calsync.domain.model.person;

import java.util.List;
import java.util.Optional;

import org.calsync.domain.model.tenant.TenantId;

public interface InvitationRepository {

    void add(Invitation invitation);

    /** The invitation a link's token (by its hash) belongs to, in any tenant. */
    Optional<Invitation> findByTokenHash(String tokenHash);

    /** The person's invitations, newest first. */
    List<Invitation> forPerson(TenantId tenantId, String personId);

    /** The newest invitation of each of the tenant's people who were ever invited. */
    List<Invitation> newestPerPerson(TenantId tenantId);
}
