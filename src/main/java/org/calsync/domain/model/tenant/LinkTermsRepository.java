package org.calsync.domain.model.tenant;

import java.util.Optional;

/** A tenant's terms before linking, and each person's acceptance. */
public interface LinkTermsRepository {

    Optional<LinkTerms> find(TenantId tenantId);

    void add(LinkTerms terms);

    /** The tenant asks no terms any more. */
    void remove(LinkTerms terms);

    Optional<LinkTermsAcceptance> acceptance(TenantId tenantId, String personId);

    void add(LinkTermsAcceptance acceptance);

    /** How many people of the tenant accepted this version. */
    long acceptedCount(LinkTerms terms);
}
