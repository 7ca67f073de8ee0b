package org.calsync.application;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import org.calsync.domain.model.person.PersonDetails;
import org.calsync.domain.model.tenant.Tenant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs once the schema is migrated. In demo mode it loads the demo tenants; otherwise, if the bootstrap
 * keys are set and that admin does not exist yet, it creates the first tenant and its administrator.
 * A production database never receives demo data unless calsync.demo-data is switched on.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class InitialData {

    private static final Logger LOG = Logger.getLogger(InitialData.class.getName());

    @Inject
    @ConfigProperty(name = "calsync.demo-data", defaultValue = "false")
    boolean demoData;

    @Inject
    @ConfigProperty(name = "calsync.bootstrap.tenant-name")
    Optional<String> bootstrapTenant;

    @Inject
    @ConfigProperty(name = "calsync.bootstrap.admin-email")
    Optional<String> bootstrapEmail;

    @Inject
    @ConfigProperty(name = "calsync.bootstrap.admin-password")
    Optional<String> bootstrapPassword;

    @Inject
    private PublicAddress address;

    @Inject
    private DemoData demo;

    @Inject
    private TenantProvisioning provisioning;

    @Inject
    private PersonService people;

    @PostConstruct
    void load() {
        if (demoData) {
            demo.loadIfMissing();
            LOG.info(() -> String.join(System.lineSeparator(), "",
                    "==================================================================",
                    " CalSync is running in demo mode at " + address.link("/"),
                    "   Admin console:  " + address.link("/admin/") + "   " + DemoData.ADMIN_EMAIL + " / " + DemoData.PASSWORD,
                    "   Portal:         " + address.link("/portal/") + "  " + DemoData.INSTRUCTOR_EMAIL + " / " + DemoData.PASSWORD,
                    "                                   " + DemoData.LEARNER_EMAIL + " / " + DemoData.PASSWORD,
                    "   REST API:       " + address.link("/api/v1") + "   key " + DemoData.NORTHWIND_API_KEY,
                    "   API docs:       " + address.link("/openapi"),
                    "=================================================================="));
        } else if (bootstrapEmail.isPresent()) {
            bootstrapFirstAdmin(bootstrapEmail.get());
        }
    }

    private void bootstrapFirstAdmin(String email) {
        if (people.findByEmail(email).isPresent()) {
            return;
        }
        String tenantName = bootstrapTenant.orElse("My organisation");
        Tenant tenant = provisioning.createTenant(tenantName);
        people.create(tenant.id(), new PersonDetails(email, "Administrator", "UTC", null),
                Set.of(TenantProvisioning.ADMINISTRATOR), bootstrapPassword.orElse("").toCharArray());
        LOG.info(() -> "Created tenant '" + tenantName + "' with administrator " + email
                + "; sign in at " + address.link("/admin/"));
    }
}
