/** Durable push work (the outbox) and the record of sync runs shown in the console. */
package org.calsync.domain.model.sync;
