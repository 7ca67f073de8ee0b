package org.calsync.domain.model.calendar;

/** The stored credentials were refused; the account needs the person to reconnect it. */
public class AuthorisationLostException extends RuntimeException {

    public AuthorisationLostException(String message) {
        super(message);
    }
}
