/**
 * The on-premise Exchange adapter, over EWS with the EWS Java API: per-user sign-in or a service account
 * impersonating each mailbox. Nothing from the EWS API leaves this package.
 */
package org.calsync.infrastructure.provider.ews;
