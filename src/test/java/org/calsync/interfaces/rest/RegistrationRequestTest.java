package org.calsync.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calsync.interfaces.rest.OAuthRegistrationResource.RegistrationRequest;
import org.junit.jupiter.api.Test;

/** The tenant's watching switch, under its name and under "webhooks", the name callers used before. */
class RegistrationRequestTest {

    @Test
    void watchChangesIsReadFirst() {
        assertTrue(request(true, false).watchesChanges());
        assertFalse(request(false, true).watchesChanges());
    }

    @Test
    void theEarlierNameIsReadWhenTheNewOneIsAbsent() {
        assertTrue(request(null, true).watchesChanges());
        assertFalse(request(null, false).watchesChanges());
        assertFalse(request(null, null).watchesChanges(), "neither: watching stays off");
    }

    @SuppressWarnings("deprecation")
    private static RegistrationRequest request(Boolean watchChanges, Boolean webhooks) {
        RegistrationRequest request = new RegistrationRequest();
        request.watchChanges = watchChanges;
        request.webhooks = webhooks;
        return request;
    }
}
