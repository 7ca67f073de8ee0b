/** Tenants, their calendar integration settings and the API keys of their host platforms. */
package org.calsync.domain.model.tenant;
