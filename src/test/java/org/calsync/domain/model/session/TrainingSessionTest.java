package org.calsync.domain.model.session;

import static org.calsync.testsupport.DomainFixtures.NORTHWIND;
import static org.calsync.testsupport.DomainFixtures.RIVERSIDE;
import static org.calsync.testsupport.DomainFixtures.person;
import static org.calsync.testsupport.DomainFixtures.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;

import org.calsync.domain.model.person.Permission;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.shared.ConflictException;
import org.calsync.domain.shared.FieldError;
import org.calsync.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class TrainingSessionTest {

    @Test
    void registersALearnerOnceAndRefusesADuplicate() {
        TrainingSession session = session(NORTHWIND);
        Person learner = person(NORTHWIND, "Noah Williams", Permission.CALENDAR_INTEGRATION);
        session.register(learner);
        ConflictException duplicate = assertThrows(ConflictException.class, () -> session.register(learner));
        assertEquals("personId", duplicate.field());
        assertEquals(1, session.registrations().size());
    }

    @Test
    void registersAClassListOnceEachAndSaysWhoWasAdded() {
        TrainingSession session = session(NORTHWIND);
        Person noah = person(NORTHWIND, "Noah Williams", Permission.CALENDAR_INTEGRATION);
        Person olivia = person(NORTHWIND, "Olivia Brown", Permission.CALENDAR_INTEGRATION);
        Person liam = person(NORTHWIND, "Liam Chen", Permission.CALENDAR_INTEGRATION);
        session.register(noah);
        assertEquals(List.of(olivia, liam), session.registerAll(List.of(noah, olivia, liam, olivia)));
        assertEquals(3, session.registrations().size());
        assertEquals(List.of(), session.registerAll(List.of(liam, noah)), "the same list again adds no one");
        assertEquals(3, session.registrations().size());
    }

    @Test
    void aClassListWithSomeoneOfAnotherTenantRegistersNobody() {
        TrainingSession session = session(NORTHWIND);
        Person noah = person(NORTHWIND, "Noah Williams", Permission.CALENDAR_INTEGRATION);
        Person outsider = person(RIVERSIDE, "Jo Carter", Permission.CALENDAR_INTEGRATION);
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> session.registerAll(List.of(noah, outsider)));
        assertEquals("personIds", refused.errors().get(0).field());
        assertTrue(session.registrations().isEmpty());
    }

    @Test
    void neverTakesAPersonOfAnotherTenant() {
        TrainingSession session = session(NORTHWIND);
        Person outsider = person(RIVERSIDE, "Jo Carter", Permission.DELIVER_SESSIONS);
        InvalidInputException register = assertThrows(InvalidInputException.class, () -> session.register(outsider));
        InvalidInputException assign = assertThrows(InvalidInputException.class, () -> session.assignInstructor(outsider));
        assertEquals("No such person in this organisation.", register.errors().get(0).message());
        assertEquals("personId", assign.errors().get(0).field());
        assertTrue(session.registrations().isEmpty());
        assertTrue(session.assignments().isEmpty());
    }

    @Test
    void onlyPeopleWhoDeliverSessionsCanBeAssigned() {
        TrainingSession session = session(NORTHWIND);
        Person learner = person(NORTHWIND, "Olivia Brown", Permission.CALENDAR_INTEGRATION);
        Person instructor = person(NORTHWIND, "Amira Haddad", Permission.DELIVER_SESSIONS);
        assertThrows(InvalidInputException.class, () -> session.assignInstructor(learner));
        session.assignInstructor(instructor);
        assertTrue(session.isInstructor(instructor));
        assertThrows(ConflictException.class, () -> session.assignInstructor(instructor));
        session.unassignInstructor(instructor);
        assertFalse(session.isInstructor(instructor));
        assertThrows(InvalidInputException.class, () -> session.unassignInstructor(instructor));
    }

    @Test
    void aCancelledSessionIsClosedToChanges() {
        TrainingSession session = session(NORTHWIND);
        session.cancel();
        assertEquals(SessionState.CANCELLED, session.state());
        Person learner = person(NORTHWIND, "Liam Jones");
        assertThrows(ConflictException.class, () -> session.register(learner));
        assertThrows(ConflictException.class, () -> session.activate());
        assertThrows(ConflictException.class, () -> session.revise(
                new SessionDetails("New title", null, null, null), session.time()));
    }

    @Test
    void revisingChangesEveryDescriptiveField() {
        TrainingSession session = session(NORTHWIND);
        SessionTime later = SessionTime.ofLocal(LocalDateTime.parse("2026-05-05T14:00"),
                LocalDateTime.parse("2026-05-05T16:00"), "Europe/Paris");
        session.revise(new SessionDetails("  Leadership Essentials ", "", "https://meet.example.com/x", "Bring notes"), later);
        assertEquals("Leadership Essentials", session.courseTitle());
        assertEquals(null, session.venue());
        assertEquals("https://meet.example.com/x", session.meetingLink());
        assertEquals(later, session.time());
    }

    @Test
    void detailsReportEveryBadFieldAtOnce() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> new SessionDetails(" ", "x".repeat(301), "javascript:alert(1)", null));
        assertEquals(List.of("courseTitle", "venue", "meetingLink"),
                error.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aNewSessionCannotStartCancelled() {
        TrainingSession session = new TrainingSession(NORTHWIND, new SessionDetails("Draft me", null, null, null),
                session(NORTHWIND).time(), SessionState.CANCELLED);
        assertEquals(SessionState.DRAFT, session.state());
    }
}
