/** Use-case services: each public method is one transaction over the domain model. */
package org.calsync.application;
