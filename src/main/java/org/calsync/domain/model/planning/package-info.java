/** Finding times when several people can meet, from what is known of their busy times and working hours. */
package org.calsync.domain.model.planning;
