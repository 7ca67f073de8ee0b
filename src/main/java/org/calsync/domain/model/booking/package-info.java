/**
 * Self-booking: the availability an instructor publishes, the kinds of one-to-one meeting learners can book in it,
 * and the rules by which a time is bookable.
 */
package org.calsync.domain.model.booking;
