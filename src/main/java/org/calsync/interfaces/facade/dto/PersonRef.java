package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/**
 * A person as listed on a session, with their answer to its invitation.
 *
 * @param response     NO_ANSWER, ACCEPTED, TENTATIVE or DECLINED
 * @param respondedAt  when they answered; null without an answer
 * @param respondedVia EMAIL (a reply from their mail client) or PORTAL; null without an answer
 */
public record PersonRef(String id, String displayName, String email, String response, Instant respondedAt,
        String respondedVia) implements Serializable {

    public boolean answered() {
        return !"NO_ANSWER".equals(response);
    }
}
