package org.calsync.interfaces.facade.dto;

import java.io.Serializable;

/**
 * Where to send the person's browser for consent, and what to keep in their session until they come back; {@code
 * audience} is the kind of account they chose to connect (WORK, PERSONAL), null when they did not say.
 */
public record ConsentRedirect(String provider, String audience, String location, String state, String codeVerifier)
        implements Serializable {

    @Override
    public String toString() {
        return "ConsentRedirect[" + provider + "]";
    }
}
