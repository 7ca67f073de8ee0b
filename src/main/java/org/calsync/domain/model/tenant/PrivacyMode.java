package org.calsync.domain.model.tenant;

/** How much of a pulled external event CalSync keeps. */
public enum PrivacyMode {
    /** Only start and end; never a title. */
    FULL_PRIVATE,
    /** Titles are kept, except for events the owner marked private or confidential. */
    DEFAULT
}
