package org.calsync.domain.model.session;

import java.time.Instant;
import java.util.UUID;

import org.calsync.domain.model.person.Person;

/** A learner attending a session. */
public class Registration {

    private String id;
    private TrainingSession session;
    private Person person;
    private Instant registeredAt;
    private ResponseRecord response;

    protected Registration() {
        // for JPA
    }

    Registration(TrainingSession session, Person person) {
        this.id = UUID.randomUUID().toString();
        this.session = session;
        this.person = person;
        this.registeredAt = Instant.now();
        this.response = ResponseRecord.none();
    }

    public Person person() {
        return person;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

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
