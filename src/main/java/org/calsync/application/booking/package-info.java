/**
 * Self-booking: instructors publish availability and bookable kinds, learners (or the host platform) list the
 * bookable times and book, move or cancel one.
 */
package org.calsync.application.booking;
