package org.calsync.domain.model.session;

import java.time.Instant;
import java.util.UUID;

import org.calsync.domain.model.person.Person;

/** A learner attending a session. */
public class Registration extends Participation {

    private String id;
    private TrainingSession session;
    private Person person;
    private Instant registeredAt;

    protected Registration() {
        // for JPA
    }

    Registration(TrainingSession session, Person person) {
        this.id = UUID.randomUUID().toString();
        this.session = session;
        this.person = person;
        this.registeredAt = Instant.now();
    }

    @Override
    public Person person() {
        return person;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
