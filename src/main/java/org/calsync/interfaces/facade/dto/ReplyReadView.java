package org.calsync.interfaces.facade.dto;

import java.io.Serializable;

/**
 * What one read of the reply mailbox did.
 *
 * @param problem why the mailbox could not be read; null when it was
 */
public record ReplyReadView(int recorded, int refused, String problem) implements Serializable {
}
