/** Errors and validation helpers shared by every aggregate of the domain. */
package org.calsync.domain.shared;
