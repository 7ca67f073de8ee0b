/**
 * The port to external calendars ({@link org.calsync.domain.model.calendar.CalendarProvider}) and the
 * domain types it speaks. Adapters in infrastructure translate these to CalDAV, EWS, Graph or Google.
 */
package org.calsync.domain.model.calendar;
