package org.calsync.application.setup;

import java.util.EnumSet;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.person.Permission;
import org.calsync.domain.model.person.Role;
import org.calsync.domain.model.person.RoleRepository;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.TenantRepository;
import org.calsync.domain.shared.ConflictException;

/** Creates a tenant with the standard roles an organisation starts from. */
@ApplicationScoped
@Transactional
public class TenantProvisioning {

    public static final String ADMINISTRATOR = "Administrator";
    public static final String INSTRUCTOR = "Instructor";
    public static final String LEARNER = "Learner";
    private static final Logger LOG = Logger.getLogger(TenantProvisioning.class.getName());

    @Inject
    private TenantRepository tenants;

    @Inject
    private RoleRepository roles;

    public Tenant createTenant(String name) {
        if (name != null && tenants.findByName(name.strip()).isPresent()) {
            throw new ConflictException("name", "tenant.nameTaken", name.strip());
        }
        Tenant tenant = new Tenant(name);
        tenants.add(tenant);
        List.of(
                new Role(tenant.id(), ADMINISTRATOR, EnumSet.of(Permission.ADMINISTER_TENANT,
                        Permission.MANAGE_SESSIONS, Permission.CALENDAR_INTEGRATION)),
                new Role(tenant.id(), INSTRUCTOR, EnumSet.of(Permission.DELIVER_SESSIONS,
                        Permission.CALENDAR_INTEGRATION)),
                new Role(tenant.id(), LEARNER, EnumSet.of(Permission.CALENDAR_INTEGRATION)))
                .forEach(roles::add);
        LOG.info(() -> "tenant=" + tenant.id() + " created with standard roles");
        return tenant;
    }
}
