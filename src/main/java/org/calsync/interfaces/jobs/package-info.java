/** Inbound triggers that are not people: after-commit dispatch, timers, batch jobs. */
package org.calsync.interfaces.jobs;
