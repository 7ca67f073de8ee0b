/** Email CalSync sends, and the port it is sent through. */
package org.calsync.domain.model.mail;
