package org.calsync.application.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.junit.jupiter.api.Test;

/** A failed pull is recorded with the kind its adapter gave, not one guessed from the wording. */
class FailureKindsTest {

    @Test
    void theKindOfAProvidersFailureIsTheOneItsAdapterGave() {
        assertEquals(FailureKind.SIGN_IN, PullRecorder.kindOf(new AuthorisationLostException("HTTP 401")));
        assertEquals(FailureKind.BUSY, PullRecorder.kindOf(new ProviderUnavailableException(FailureKind.BUSY,
                "CalDAV server cal.example.org answered HTTP 503", Duration.ofSeconds(30), null)));
        assertEquals(FailureKind.UNREADABLE, PullRecorder.kindOf(new ProviderUnavailableException(FailureKind.UNREADABLE,
                "busy words, unreadable answer", null, null)), "the kind, whatever the text says");
        assertEquals(FailureKind.OTHER, PullRecorder.kindOf(new IllegalStateException("a defect")));
    }
}
