/**
 * The Google Calendar adapter: Calendar API v3 over the JDK's HTTP client with JSON-P, with the access token
 * the application keeps fresh. Chosen over the Google client libraries for their weight (Guava, their own
 * HTTP and JSON stacks) in a WAR that already has what it needs.
 */
package org.calsync.infrastructure.provider.google;
