package org.calsync.domain.model.session;

/** Where a person gave their answer. */
public enum ResponseChannel {
    /** A reply (iTIP REPLY) from their mail client to the organiser's mailbox. */
    EMAIL,
    /** The buttons on the session in the portal. */
    PORTAL,
    /** The host platform, through the REST API, for the person. */
    API
}
