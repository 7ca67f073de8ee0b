/** Training sessions with their instructors and learners: what CalSync pushes into calendars. */
package org.calsync.domain.model.session;
