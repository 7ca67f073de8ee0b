package org.calsync.domain.model.session;

import java.time.Instant;
import java.util.UUID;

import org.calsync.domain.model.person.Person;

/** A person delivering a session. */
public class InstructorAssignment extends Participation {

    private String id;
    private TrainingSession session;
    private Person person;
    private Instant assignedAt;

    protected InstructorAssignment() {
        // for JPA
    }

    InstructorAssignment(TrainingSession session, Person person) {
        this.id = UUID.randomUUID().toString();
        this.session = session;
        this.person = person;
        this.assignedAt = Instant.now();
    }

    @Override
    public Person person() {
        return person;
    }

    public Instant assignedAt() {
        return assignedAt;
    }
}
