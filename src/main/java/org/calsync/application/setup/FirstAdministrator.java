package org.calsync.application.setup;

import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.people.PersonService;
import org.calsync.domain.model.person.PersonDetails;
import org.calsync.domain.model.tenant.Tenant;

/**
 * The first tenant and its administrator on a production database, from the bootstrap settings: both in one
 * transaction, so that an instance never leaves a tenant without its administrator.
 */
@ApplicationScoped
@Transactional
public class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

    @Inject
    private TenantProvisioning provisioning;

    @Inject
    private PersonService people;

    public boolean exists(String email) {
        return people.findByEmail(email).isPresent();
    }

    /** Creates the tenant and its administrator unless someone with this email exists. */
    public void createUnlessPresent(String tenantName, String email, char[] password) {
        if (exists(email)) {
            return;
        }
        Tenant tenant = provisioning.createTenant(tenantName);
        people.create(tenant.id(), new PersonDetails(email, "Administrator", "UTC", null),
                Set.of(TenantProvisioning.ADMINISTRATOR), password);
        LOG.info(() -> "Created tenant '" + tenantName + "' with administrator " + email);
    }
}
