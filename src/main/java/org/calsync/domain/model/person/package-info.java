/** People of a tenant, their roles and permissions, and their working hours. */
package org.calsync.domain.model.person;
