package org.calsync.it.support;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The integration tests deploy the real WAR that `package` built, never a hand-assembled archive. */
public final class CalSyncDeployment {

    private CalSyncDeployment() {
    }

    public static WebArchive war() {
        File war = new File(System.getProperty("calsync.war", "target/ROOT.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Build the WAR first (mvn package): " + war.getAbsolutePath());
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /** Tells the PostgreSQL run from the H2 run, so that tests which look into the database can do so. */
    public static boolean onPostgres() {
        return "postgresql".equals(System.getProperty("arquillian.launch"));
    }
}
