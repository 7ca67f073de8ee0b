package org.calsync.application.push;

import java.time.Duration;

import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.WriteResult;

/** What one push step met at the provider. */
record StepOutcome(PushStep step, Result result, WriteResult written, FailureKind kind, String message,
        Duration retryAfter) {

    enum Result {
        DONE,
        /** Our event was edited in the calendar since we wrote it. */
        EDITED_ELSEWHERE,
        UNAVAILABLE,
        AUTHORISATION_LOST,
        WAITING_FOR_RECONNECT,
        FAILED
    }

    static StepOutcome done(PushStep step, WriteResult written) {
        return new StepOutcome(step, Result.DONE, written, null, null, null);
    }

    static StepOutcome failed(PushStep step, Result result, FailureKind kind, String message, Duration retryAfter) {
        return new StepOutcome(step, result, null, kind, message, retryAfter);
    }

    boolean succeeded() {
        return result == Result.DONE;
    }
}
