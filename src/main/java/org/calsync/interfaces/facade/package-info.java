/** Facades shared by the JSF pages and the REST API: they speak DTOs and never hand out entities. */
package org.calsync.interfaces.facade;
