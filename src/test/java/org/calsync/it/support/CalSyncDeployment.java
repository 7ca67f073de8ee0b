package org.calsync.it.support;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

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

    /**
     * The PostgreSQL database this test JVM's CalSync uses, with its schema as the one that unqualified names
     * refer to: each integration fork has a schema of its own (calsync.test.pg.schema).
     */
    public static Connection postgres() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", System.getProperty("calsync.test.pg.user"));
        credentials.setProperty("password", System.getProperty("calsync.test.pg.password", ""));
        Connection db = DriverManager.getConnection(System.getProperty("calsync.test.pg.url"), credentials);
        db.setSchema(System.getProperty("calsync.test.pg.schema"));
        return db;
    }
}
