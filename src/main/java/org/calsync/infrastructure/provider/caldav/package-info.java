/**
 * The CalDAV adapter (RFC 4791, RFC 6578), also used for Apple iCloud: discovery, sync-collection with a
 * ctag and time-range fallback, conditional writes. One small class per remote operation, with the
 * HTTP transport and its error mapping kept apart.
 */
package org.calsync.infrastructure.provider.caldav;
