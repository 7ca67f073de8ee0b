package org.calsync.domain.model.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonDetails;
import org.calsync.domain.model.tenant.TenantId;
import org.junit.jupiter.api.Test;

class LearnerPrivacyTest {

    private static Person learner(String email, String name) {
        return new Person(new TenantId("t-1"), new PersonDetails(email, name, "Europe/London", null));
    }

    @Test
    void everyLearnersNameAndEmailIsReplacedWhateverTheCase() {
        List<Person> learners = List.of(learner("noah.williams@northwind.example", "Noah Williams"),
                learner("li@northwind.example", "Li"));
        assertEquals("Review with a learner (a learner) and a learner",
                LearnerPrivacy.redact("Review with NOAH williams (Noah.Williams@Northwind.example) and Li", learners));
        assertEquals("Delivery planning", LearnerPrivacy.redact("Delivery planning", learners), "whole words only");
        assertNull(LearnerPrivacy.redact(null, learners));
        assertEquals("Review with Noah Williams", LearnerPrivacy.redact("Review with Noah Williams", List.of()));
    }
}
