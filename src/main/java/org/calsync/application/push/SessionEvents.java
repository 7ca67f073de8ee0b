package org.calsync.application.push;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.application.shared.PublicAddress;
import org.calsync.domain.model.calendar.EventDetails;
import org.calsync.domain.model.calendar.EventIdentity;
import org.calsync.domain.model.calendar.EventTime;
import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.calendar.Staff.StaffHeading;
import org.calsync.domain.model.calendar.Staff;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.session.LearnerPrivacy;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.shared.Language;
import org.calsync.domain.shared.Tokens;

/**
 * What one person's calendar shows for a session: title, time in the session's zone, venue, meeting link,
 * a link back, the other staff and the description. Learners are never named in it.
 */
@ApplicationScoped
public class SessionEvents {

    private final PublicAddress address;

    @Inject
    public SessionEvents(PublicAddress address) {
        this.address = address;
    }

    /** For the container's proxy only. */
    protected SessionEvents() {
        this(null);
    }

    /**
     * The session as the person's calendar shows it. With {@code leaveLearnersOut} an instructor's event names no
     * learner anywhere and carries no description (see {@link LearnerPrivacy}); learners' own events are whole.
     * The headings CalSync writes are in the given language, the person's own or else the organisation's.
     */
    public OutgoingEvent eventFor(TrainingSession session, Person person, int sequence, boolean leaveLearnersOut,
            Language language) {
        List<Person> instructors = session.assignments().stream().map(a -> a.person()).toList();
        boolean teaches = instructors.contains(person);
        List<Person> hidden = leaveLearnersOut && teaches
                ? session.registrations().stream().map(r -> r.person()).toList() : List.of();
        List<String> otherInstructors = instructors.stream().filter(instructor -> !instructor.equals(person))
                .map(Person::displayName).toList();
        Staff staff = teaches ? Staff.alsoTeaching(otherInstructors) : Staff.instructors(otherInstructors);
        URI linkBack = URI.create(address.link("/portal/index.xhtml?date=" + session.time().localStart().toLocalDate()));
        EventDetails details = new EventDetails(leaveLearnersOut && teaches ? null : session.description(), staff,
                linkBack, language);
        OutgoingEvent event = new OutgoingEvent(EventIdentity.uid(session.tenantId(), session.id(), person.id()), sequence,
                LearnerPrivacy.redact(session.courseTitle(), hidden),
                new EventTime(session.time().start(), session.time().end(), session.time().zone()),
                LearnerPrivacy.redact(session.venue(), hidden),
                session.joinLink() == null ? null : URI.create(session.joinLink()), details);
        boolean generated = session.joinLink() != null && session.meetingLink() == null;
        return generated ? event.joining(session.onlineMeeting()) : event;
    }

    /** A fingerprint of what the event shows, so an unchanged session is not written again. */
    public static String contentHash(OutgoingEvent event) {
        String content = String.join("\u0000", event.title(), event.start().toString(), event.end().toString(),
                event.zone().getId(), String.valueOf(event.location()), String.valueOf(event.meetingLink()),
                String.valueOf(event.linkBack()), String.valueOf(event.description()), staffLine(event))
                // English adds nothing, so that events written before languages existed are not all written again.
                + (event.language() == Language.ENGLISH ? "" : "\u0000" + event.language().name())
                // Only the event that hosts a meeting counts it, so that no other event is written again for it.
                + (event.hostsMeeting() == null ? "" : "\u0000hosts " + event.hostsMeeting().name());
        return Tokens.sha256Hex(content);
    }

    /**
     * The instructors as the fingerprint counts them. An instructor's heading is left out, as it was before
     * headings existed, so that instructors' unchanged events are not all written again after an upgrade.
     */
    private static String staffLine(OutgoingEvent event) {
        Staff staff = event.details().staff();
        String names = String.join(",", staff.names());
        return staff.heading() == StaffHeading.ALSO_TEACHING ? names : staff.heading().name() + ":" + names;
    }
}
