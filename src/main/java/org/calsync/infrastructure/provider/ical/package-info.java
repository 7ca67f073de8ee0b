/** iCalendar (RFC 5545) writing and reading with ical4j, shared by the CalDAV and iCloud adapters and the .ics mail. */
package org.calsync.infrastructure.provider.ical;
