package org.calsync.application.setup;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.calsync.application.shared.PublicAddress;
import org.calsync.domain.shared.StartupFailure;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs once the schema is migrated. In demo mode it loads the demo tenants; otherwise, if the bootstrap
 * keys are set and that admin does not exist yet, it creates the first tenant and its administrator.
 * A production database never receives demo data unless calsync.demo-data is switched on.
 * <p>
 * Instances started together on an empty database all try: each loads in one transaction, the unique keys let
 * one of them commit, and the others' transactions fail and roll back whole, after which they find the data
 * there and carry on.
 */
@Startup
@Singleton
@DependsOn({"SchemaMigration", "SecretsKeyCheck"})
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
    private FirstAdministrator firstAdministrator;

    /**
     * Not in a transaction: a singleton's PostConstruct runs in one by default (the class's attribute does not
     * reach it), and a lost race would leave that one aborted for the look that follows.
     */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void loadOrStop() {
        StartupFailure.guard("writing the initial data", this::load);
    }

    private void load() {
        if (demoData) {
            loadOnce("demo data", demo::loadIfMissing, demo::loaded);
            LOG.info(() -> String.join(System.lineSeparator(), "",
                    "==================================================================",
                    " CalSync is running in demo mode at " + address.link("/"),
                    "   Admin console:  " + address.link("/admin/sessions.xhtml") + "   " + DemoData.ADMIN_EMAIL + " / " + DemoData.PASSWORD,
                    "   Portal:         " + address.link("/portal/") + "  " + DemoData.INSTRUCTOR_EMAIL + " / " + DemoData.PASSWORD,
                    "                                   " + DemoData.LEARNER_EMAIL + " / " + DemoData.PASSWORD,
                    "   REST API:       " + address.link("/api/v1") + "   key " + DemoData.NORTHWIND_API_KEY,
                    "   API docs:       " + address.link("/openapi"),
                    "=================================================================="));
        } else if (bootstrapEmail.isPresent()) {
            String email = bootstrapEmail.get();
            loadOnce("first administrator", () -> firstAdministrator.createUnlessPresent(
                    bootstrapTenant.orElse("My organisation"), email, bootstrapPassword.orElse("").toCharArray()),
                    () -> firstAdministrator.exists(email));
            LOG.info(() -> "Administrator " + email + " signs in at " + address.link("/admin/sessions.xhtml"));
        }
    }

    /** Loads, or, when another instance's load won the race and this one's rolled back, accepts that one's. */
    private static void loadOnce(String what, Runnable load, BooleanSupplier loadedMeanwhile) {
        try {
            load.run();
        } catch (RuntimeException lost) {
            if (!loadedMeanwhile.getAsBoolean()) {
                throw lost;
            }
            LOG.info(() -> "Another instance wrote the " + what + " at the same moment; this one uses it. (" + lost + ")");
        }
    }
}
