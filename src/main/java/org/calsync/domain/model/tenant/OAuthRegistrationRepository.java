package org.calsync.domain.model.tenant;

import java.util.Optional;

public interface OAuthRegistrationRepository {

    Optional<OAuthRegistration> find(TenantId tenantId, CalendarProviderType provider);

    void add(OAuthRegistration registration);
}
