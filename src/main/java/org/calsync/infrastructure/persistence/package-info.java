/** JPA repositories (mapped in META-INF/orm.xml so the domain stays free of JPA), Flyway start-up and the database health check. */
package org.calsync.infrastructure.persistence;
