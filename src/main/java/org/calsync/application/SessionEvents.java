package org.calsync.application;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.domain.model.calendar.EventIdentity;
import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.shared.Tokens;

/**
 * What one person's calendar shows for a session: title, time in the session's zone, venue, meeting link,
 * a link back, the other staff and the description. Learners are never named in it.
 */
@ApplicationScoped
public class SessionEvents {

    @Inject
    private PublicAddress address;

    public OutgoingEvent eventFor(TrainingSession session, Person person, int sequence) {
        List<String> otherStaff = session.assignments().stream().map(a -> a.person())
                .filter(staff -> !staff.equals(person)).map(Person::displayName).toList();
        URI linkBack = URI.create(address.link("/portal/index.xhtml?date=" + session.time().localStart().toLocalDate()));
        return new OutgoingEvent(EventIdentity.uid(session.tenantId(), session.id(), person.id()), session.courseTitle(),
                session.time().start(), session.time().end(), session.time().zone(), session.venue(),
                session.meetingLink() == null ? null : URI.create(session.meetingLink()), linkBack,
                session.description(), otherStaff, sequence);
    }

    /** A fingerprint of what the event shows, so an unchanged session is not written again. */
    public static String contentHash(OutgoingEvent event) {
        String content = String.join("\u0000", event.title(), event.start().toString(), event.end().toString(),
                event.zone().getId(), String.valueOf(event.location()), String.valueOf(event.meetingLink()),
                String.valueOf(event.linkBack()), String.valueOf(event.description()), String.join(",", event.otherStaff()));
        return Tokens.sha256Hex(content);
    }
}
