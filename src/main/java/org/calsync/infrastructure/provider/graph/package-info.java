/**
 * The Microsoft 365 adapter: Microsoft Graph v1.0 over the JDK's HTTP client with JSON-P, with the access
 * token the application keeps fresh (a person's delegated grant, or the organisation's application grant
 * acting for a mailbox by address). Chosen over the Graph SDK for its weight and for its okhttp 4, which
 * clashes with the okhttp 5 of the OAuth test server.
 */
package org.calsync.infrastructure.provider.graph;
