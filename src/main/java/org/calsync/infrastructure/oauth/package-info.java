/** The OAuth 2.0 adapter: authorization code with PKCE, refresh and revocation through the Nimbus SDK. */
package org.calsync.infrastructure.oauth;
