package org.calsync.domain.model.session;

import java.time.Duration;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.calsync.domain.model.tenant.OnlineMeetingKind;
import org.calsync.domain.model.person.Permission;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.ConflictException;
import org.calsync.domain.shared.InvalidInputException;

/** A class, workshop or review: the aggregate root for its instructors and learners. */
public class TrainingSession {

    private String id;
    private String tenantId;
    private String courseTitle;
    private SessionTime time;
    private String venue;
    private String meetingLink;
    private String description;
    /** The online meeting CalSync has generated for the session, when one is asked for and no link was given. */
    private OnlineMeetingKind onlineMeeting;
    private String generatedMeetingLink;
    private OnlineMeetingProblem meetingProblem;
    private SessionState state;
    private List<InstructorAssignment> assignments;
    private List<Registration> registrations;
    private Instant createdAt;
    private Instant updatedAt;
    private long version;

    protected TrainingSession() {
        // for JPA
    }

    public TrainingSession(TenantId tenantId, SessionDetails details, SessionTime time, SessionState initialState) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = Objects.requireNonNull(tenantId).value();
        this.assignments = new ArrayList<>();
        this.registrations = new ArrayList<>();
        this.createdAt = Instant.now();
        this.state = initialState == SessionState.CANCELLED ? SessionState.DRAFT : initialState;
        if (this.state == null) {
            this.state = SessionState.ACTIVE;
        }
        apply(details, time);
    }

    /** Changes title, time, zone, venue, link or description. A cancelled session is closed to changes. */
    public void revise(SessionDetails details, SessionTime newTime) {
        requireNotCancelled();
        apply(details, newTime);
    }

    private void apply(SessionDetails details, SessionTime newTime) {
        this.courseTitle = Objects.requireNonNull(details).courseTitle();
        this.venue = details.venue();
        this.meetingLink = details.meetingLink();
        this.description = details.description();
        boolean moved = time != null && !time.equals(Objects.requireNonNull(newTime));
        this.time = newTime;
        touch();
        if (moved) { // the updated invitation asks everyone again, so earlier answers no longer hold
            assignments.forEach(a -> a.askAgain(updatedAt));
            registrations.forEach(r -> r.askAgain(updatedAt));
        }
    }

    /**
     * Asks for an online meeting of this kind to be generated through the lead instructor's account, or for none
     * (null). Another kind forgets the meeting made so far; the next push makes the new one.
     */
    public void requestOnlineMeeting(OnlineMeetingKind kind) {
        if (kind == onlineMeeting) {
            return;
        }
        onlineMeeting = kind;
        generatedMeetingLink = null;
        meetingProblem = null;
        touch();
    }

    /** A meeting is asked for and no link was given with the session: the lead instructor's event hosts it. */
    public boolean needsGeneratedMeeting() {
        return onlineMeeting != null && meetingLink == null;
    }

    /** The first instructor assigned, whose account hosts a generated meeting. */
    public Optional<Person> leadInstructor() {
        return assignments.stream().min(Comparator.comparing(InstructorAssignment::assignedAt))
                .map(InstructorAssignment::person);
    }

    /**
     * The lead instructor's event now carries the meeting at this address.
     *
     * @return whether the address is new, so that everyone's events must carry it
     */
    public boolean meetingCreated(URI joinUrl) {
        boolean changed = !joinUrl.toString().equals(generatedMeetingLink);
        generatedMeetingLink = joinUrl.toString();
        meetingProblem = null;
        return changed;
    }

    /** The meeting could not be made; the session keeps being pushed, without a link, until it can. */
    public void meetingNotCreated(OnlineMeetingProblem problem) {
        meetingProblem = problem;
    }

    /** Someone's account can host the meeting now: what said nobody's could no longer holds. */
    public void meetingHostFound() {
        if (meetingProblem == OnlineMeetingProblem.NO_INSTRUCTOR || meetingProblem == OnlineMeetingProblem.NO_ACCOUNT) {
            meetingProblem = null;
        }
    }

    /** Where attendees join online: the link given with the session, else the meeting generated for it. */
    public String joinLink() {
        return meetingLink != null ? meetingLink : generatedMeetingLink; // asking for none forgets the generated one
    }

    public OnlineMeetingKind onlineMeeting() {
        return onlineMeeting;
    }

    public Optional<OnlineMeetingProblem> meetingProblem() {
        return needsGeneratedMeeting() ? Optional.ofNullable(meetingProblem) : Optional.empty();
    }

    public void activate() {
        requireNotCancelled();
        state = SessionState.ACTIVE;
        touch();
    }

    public void cancel() {
        state = SessionState.CANCELLED;
        touch();
    }

    public void assignInstructor(Person person) {
        requireNotCancelled();
        requireSameTenant(person, "personId");
        if (!person.has(Permission.DELIVER_SESSIONS)) {
            throw new InvalidInputException("personId", "session.cannotDeliver", person.displayName());
        }
        if (isInstructor(person)) {
            throw new ConflictException("personId", "session.alreadyAssigned", person.displayName());
        }
        assignments.add(new InstructorAssignment(this, person));
        touch();
    }

    public void unassignInstructor(Person person) {
        if (!assignments.removeIf(a -> a.person().equals(person))) {
            throw new InvalidInputException("personId", "session.notAssigned", person.displayName());
        }
        touch();
    }

    public void register(Person person) {
        requireNotCancelled();
        requireSameTenant(person, "personId");
        if (isRegistered(person)) {
            throw new ConflictException("personId", "session.alreadyRegistered", person.displayName());
        }
        registrations.add(new Registration(this, person));
        touch();
    }

    /**
     * Registers a class list at once: everyone not registered yet, once each; returns who was added. People
     * already registered are left as they are, so that a host platform may send the same list again.
     */
    public List<Person> registerAll(Collection<Person> people) {
        requireNotCancelled();
        people.forEach(person -> requireSameTenant(person, "personIds"));
        Set<Person> registered = registrations.stream().map(Registration::person).collect(Collectors.toSet());
        List<Person> added = new ArrayList<>();
        for (Person person : people) {
            if (registered.add(person)) {
                registrations.add(new Registration(this, person));
                added.add(person);
            }
        }
        if (!added.isEmpty()) {
            touch();
        }
        return added;
    }

    public void unregister(Person person) {
        if (!registrations.removeIf(r -> r.person().equals(person))) {
            throw new InvalidInputException("personId", "session.notRegistered", person.displayName());
        }
        touch();
    }

    /**
     * Records a person's answer to the invitation, unless a newer one is recorded; says whether it was recorded.
     * Only the people on the session can answer.
     */
    public boolean recordResponse(Person person, ResponseRecord answer) {
        return placeOf(person)
                .orElseThrow(() -> new InvalidInputException("personId", "session.notOnSession", person.displayName()))
                .respond(answer);
    }

    /** The person's latest answer, if they teach or attend the session. */
    public Optional<ResponseRecord> responseOf(Person person) {
        return placeOf(person).map(Participation::response);
    }

    /** The person's place on the session: as an instructor when they teach it, else as a learner. */
    private Optional<Participation> placeOf(Person person) {
        return Stream.<Participation>concat(assignments.stream(), registrations.stream())
                .filter(place -> place.person().equals(person)).findFirst();
    }

    /**
     * How many of the learners accepted, declined, answered maybe, or have not answered; instructors' answers are
     * each on their own, and a decline of theirs alerts an admin.
     */
    public ResponseCounts responseCounts() {
        return ResponseCounts.of(registrations.stream().map(r -> r.response().response()).toList());
    }

    public boolean isInstructor(Person person) {
        return assignments.stream().anyMatch(a -> a.person().equals(person));
    }

    public boolean isRegistered(Person person) {
        return registrations.stream().anyMatch(r -> r.person().equals(person));
    }

    /** Whether a learner leaving now, by deleting its event or declining, is before the organisation's deadline. */
    public boolean cancellableAt(Instant when, int deadlineHoursBefore) {
        return when.isBefore(time.start().minus(Duration.ofHours(deadlineHoursBefore)));
    }

    /** Whether the person's calendars, or mailbox, should show the session: it is active and they teach or attend. */
    public boolean isActiveFor(Person person) {
        return isActiveFor(person, isRegistered(person));
    }

    /**
     * {@link #isActiveFor(Person)}, when whether they are registered was read on its own: a worker writing one
     * learner's event need not load every learner of a class of a thousand.
     */
    public boolean isActiveFor(Person person, boolean registered) {
        return state == SessionState.ACTIVE && (isInstructor(person) || registered);
    }

    private void requireSameTenant(Person person, String field) {
        // Same message as an unknown id: another tenant's people must not be discoverable.
        if (!person.belongsTo(tenantId())) {
            throw new InvalidInputException(field, "person.unknown");
        }
    }

    private void requireNotCancelled() {
        if (state == SessionState.CANCELLED) {
            throw new ConflictException("state", "session.cancelled");
        }
    }

    private void touch() {
        updatedAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public TenantId tenantId() {
        return new TenantId(tenantId);
    }

    public String courseTitle() {
        return courseTitle;
    }

    public SessionTime time() {
        return time;
    }

    public String venue() {
        return venue;
    }

    public String meetingLink() {
        return meetingLink;
    }

    public String description() {
        return description;
    }

    public SessionState state() {
        return state;
    }

    public List<InstructorAssignment> assignments() {
        return Collections.unmodifiableList(assignments);
    }

    public List<Registration> registrations() {
        return Collections.unmodifiableList(registrations);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrainingSession session && id.equals(session.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
