package org.calsync.domain.model.calendar;

/**
 * What kind of failure a calendar server's answer, or its silence, was. Set where the failure is caught, stored
 * with the sync run, the account's status and the push, and looked up by the pages to say what to do about it.
 */
public enum FailureKind {
    /** The credentials or the consent were refused: the person signs in again. */
    SIGN_IN,
    /** Nothing answered, or not in time: the server or the way to it is down. */
    UNREACHABLE,
    /** The server is throttling or failing for now: CalSync tries again by itself. */
    BUSY,
    /** The server answered something that cannot be read. */
    UNREADABLE,
    /** The account is being removed. */
    REMOVING,
    /** Anything else; the technical text beside it says what. */
    OTHER
}
