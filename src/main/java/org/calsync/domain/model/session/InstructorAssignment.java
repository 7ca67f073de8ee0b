package org.calsync.domain.model.session;

import java.time.Instant;
import java.util.UUID;

import org.calsync.domain.model.person.Person;

/** A person delivering a session. */
public class InstructorAssignment {

    private String id;
    private TrainingSession session;
    private Person person;
    private Instant assignedAt;
    private ResponseRecord response;

    protected InstructorAssignment() {
        // for JPA
    }

    InstructorAssignment(TrainingSession session, Person person) {
        this.id = UUID.randomUUID().toString();
        this.session = session;
        this.person = person;
        this.assignedAt = Instant.now();
        this.response = ResponseRecord.none();
    }

    public Person person() {
        return person;
    }

    public Instant assignedAt() {
        return assignedAt;
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
