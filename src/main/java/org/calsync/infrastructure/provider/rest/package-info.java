/**
 * What the REST calendar adapters (Google, Microsoft Graph) share: one JSON call over the JDK's HTTP client,
 * retried with back-off on throttling and outages as the provider's rules say, and counted.
 */
package org.calsync.infrastructure.provider.rest;
