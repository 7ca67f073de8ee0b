/** The REST API under /api/v1 for host training platforms, authenticated by tenant API keys. */
package org.calsync.interfaces.rest;
