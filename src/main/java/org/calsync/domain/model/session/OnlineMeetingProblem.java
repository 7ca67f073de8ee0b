package org.calsync.domain.model.session;

/** Why the online meeting asked for a session could not be made; the session is pushed without it meanwhile. */
public enum OnlineMeetingProblem {
    /** Nobody teaches the session yet, so nobody's account can host it. */
    NO_INSTRUCTOR,
    /** The lead instructor has no linked account of the kind that hosts it (Microsoft 365 for Teams). */
    NO_ACCOUNT,
    /** The provider wrote the lead instructor's event without the meeting: no licence, or meetings turned off. */
    REFUSED
}
