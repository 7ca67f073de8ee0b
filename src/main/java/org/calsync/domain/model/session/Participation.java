package org.calsync.domain.model.session;

import java.time.Instant;

import org.calsync.domain.model.person.Person;

/** A person's place on a session, as instructor or learner, with their answer to its invitation. */
public abstract class Participation {

    private ResponseRecord response;

    protected Participation() {
        this.response = ResponseRecord.none();
    }

    /** Who has this place. */
    public abstract Person person();

    /** The person's latest answer to the invitation. */
    public ResponseRecord response() {
        return response == null ? ResponseRecord.none() : response;
    }

    /** Records an answer unless a newer one is already recorded; says whether it was recorded. */
    boolean respond(ResponseRecord answer) {
        if (!answer.supersedes(response)) {
            return false;
        }
        response = answer;
        return true;
    }

    /** A changed time asks again, as the updated invitation does. */
    void askAgain(Instant at) {
        response = ResponseRecord.askedAgain(at);
    }
}
