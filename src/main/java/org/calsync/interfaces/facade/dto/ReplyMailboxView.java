package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/**
 * The organiser mailbox CalSync reads replies to invitations from, as shown (never with its password) and the
 * outcome of its last read.
 *
 * @param reads           whether CalSync reads it: switched on, with a host, a user and a password
 * @param security        SSL_TLS, STARTTLS or NONE
 * @param hasPassword     whether a password is stored; a blank one on change keeps it
 * @param lastProblem     why the last read failed, as the server said it; null when it got through
 * @param repliesRecorded answers recorded from replies since the mailbox was set up
 * @param repliesRefused  replies that changed nothing: forged, unknown, unreadable or from someone who left
 */
public record ReplyMailboxView(boolean enabled, boolean reads, String host, int port, String security, String username,
        boolean hasPassword, String processedFolder, Instant lastReadAt, String lastProblem, int repliesRecorded,
        int repliesRefused) implements Serializable {
}
