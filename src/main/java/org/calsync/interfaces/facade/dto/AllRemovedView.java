package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.util.List;

/**
 * What removing all of a person's calendar accounts did.
 *
 * @param removedAccounts the accounts removed
 * @param deletedEvents   the events CalSync had written there, deleted
 * @param notDeletable    events left because an account's access was revoked
 * @param keptAccountIds  accounts that stay because their server could not be reached (their status says why)
 * @param message         the same, in a sentence
 */
public record AllRemovedView(int removedAccounts, int deletedEvents, int notDeletable, List<String> keptAccountIds,
        String message) implements Serializable {
}
