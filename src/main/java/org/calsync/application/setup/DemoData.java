package org.calsync.application.setup;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.booking.BookableKind;
import org.calsync.domain.model.booking.BookingRepository;
import org.calsync.domain.model.booking.PublishedAvailability;
import org.calsync.domain.model.booking.WeeklyHours;
import org.calsync.domain.model.person.PasswordHasher;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonDetails;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.person.Role;
import org.calsync.domain.model.person.RoleRepository;
import org.calsync.domain.model.session.AttendanceResponse;
import org.calsync.domain.model.session.ResponseChannel;
import org.calsync.domain.model.session.ResponseRecord;
import org.calsync.domain.model.session.SessionDetails;
import org.calsync.domain.model.session.SessionState;
import org.calsync.domain.model.session.SessionTime;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.session.TrainingSessionRepository;
import org.calsync.domain.model.tenant.ApiKey;
import org.calsync.domain.model.tenant.ApiKeyRepository;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.IntegrationSettings;
import org.calsync.domain.model.tenant.InvitationAudience;
import org.calsync.domain.model.tenant.InvitationMailSettings;
import org.calsync.domain.model.tenant.PrivacyMode;
import org.calsync.domain.model.tenant.SyncDirection;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.model.tenant.TenantRepository;

import org.eclipse.microprofile.config.inject.ConfigProperty;
/**
 * The demo tenants: "Northwind Training" (one admin, three instructors, twenty learners, sessions over
 * the next eight weeks) and the small "Riverside Coaching", which shows that tenants are kept apart.
 * Loaded only in demo mode, and only once.
 */
@ApplicationScoped
@Transactional
public class DemoData {

    public static final String NORTHWIND = "Northwind Training";
    public static final String RIVERSIDE = "Riverside Coaching";
    public static final String PASSWORD = "calsync-demo";
    public static final String ADMIN_EMAIL = "admin@northwind.example";
    public static final String INSTRUCTOR_EMAIL = "amira.haddad@northwind.example";
    public static final String LEARNER_EMAIL = "noah.williams@northwind.example";
    public static final String RIVERSIDE_ADMIN_EMAIL = "admin@riverside.example";
    public static final String NORTHWIND_API_KEY = "csk_demo_northwind_0000000000000001";
    public static final String RIVERSIDE_API_KEY = "csk_demo_riverside_0000000000000001";

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String[][] INSTRUCTORS = {
        {"Amira Haddad", "Europe/London"}, {"Tom Becker", "Europe/Berlin"}, {"Lucie Martin", "Europe/Paris"}};
    private static final String[] LEARNERS = {
        "Noah Williams", "Olivia Brown", "Liam Jones", "Emma Taylor", "Oliver Davies", "Ava Evans", "Elijah Thomas",
        "Sophia Roberts", "James Walker", "Isabella Wright", "Lucas Robinson", "Mia Thompson", "Henry White",
        "Amelia Hughes", "Theo Edwards", "Harper Green", "Jack Hall", "Evelyn Wood", "Leo Harris", "Chloe Clarke"};
    private static final String[] COURSES = {
        "Excel for Finance Teams", "Leadership Essentials", "Python for Analysts", "Presenting with Confidence",
        "Project Management Foundations", "Data Protection in Practice", "Coaching Review", "Customer Conversations"};

    @Inject
    private TenantProvisioning provisioning;

    /** Northwind emails sessions to people without a linked calendar; tests that do not read mail turn it off. */
    @Inject
    @ConfigProperty(name = "calsync.demo.invitation-mail", defaultValue = "true")
    boolean invitationMail;

    @Inject
    private TenantRepository tenants;

    @Inject
    private RoleRepository roles;

    @Inject
    private PersonRepository people;

    @Inject
    private TrainingSessionRepository sessions;

    @Inject
    private ApiKeyRepository apiKeys;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private BookingRepository bookings;

    /** Whether the demo tenants are there, loaded by this instance or another. */
    public boolean loaded() {
        return tenants.findByName(NORTHWIND).isPresent();
    }

    public void loadIfMissing() {
        if (loaded()) {
            return;
        }
        // One hash for every demo person: PBKDF2 is slow on purpose, and they share one password.
        String passwordHash = hasher.hash(PASSWORD.toCharArray());
        loadNorthwind(passwordHash);
        loadRiverside(passwordHash);
        LOG.info("Demo data loaded");
    }

    private void loadNorthwind(String passwordHash) {
        Tenant tenant = provisioning.createTenant(NORTHWIND);
        TenantId id = tenant.id();
        // The demo shows calendar linking, so Northwind allows every provider.
        tenant.changeSettings(new IntegrationSettings(true, EnumSet.allOf(CalendarProviderType.class),
                SyncDirection.TWO_WAY, PrivacyMode.DEFAULT, 12, false, 24));
        // A new user sees sessions arrive as invitations at once, through the relay CALSYNC_MAIL_HOST names.
        tenant.changeInvitationMail(new InvitationMailSettings(invitationMail, null,
                InvitationAudience.WITHOUT_LINKED_CALENDAR, false));
        apiKeys.add(ApiKey.issueWithSecret(id, "Demo training platform", NORTHWIND_API_KEY).key());
        person(id, ADMIN_EMAIL, "Nadia Okafor", "Europe/London", TenantProvisioning.ADMINISTRATOR, passwordHash);
        List<Person> instructors = new ArrayList<>();
        for (String[] instructor : INSTRUCTORS) {
            instructors.add(person(id, emailOf(instructor[0], "northwind"), instructor[0], instructor[1],
                    TenantProvisioning.INSTRUCTOR, passwordHash));
        }
        List<Person> learners = new ArrayList<>();
        for (String learner : LEARNERS) {
            learners.add(person(id, emailOf(learner, "northwind"), learner, "Europe/London",
                    TenantProvisioning.LEARNER, passwordHash));
        }
        // Every instructor can be booked for progress reviews on weekday mornings, so that learners see self-booking.
        instructors.forEach(instructor -> offerBookings(id, instructor, "Progress review", 45, LocalTime.of(9, 0),
                LocalTime.of(12, 30)));
        Random random = new Random(42);
        LocalDate monday = LocalDate.now(LONDON).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        for (int week = 0; week < 8; week++) {
            for (int slot = 0; slot < 2; slot++) {
                LocalDate day = monday.plusWeeks(week).plusDays(slot == 0 ? 1 : 3);
                LocalTime start = slot == 0 ? LocalTime.of(9, 30) : LocalTime.of(14, 0);
                String course = COURSES[(week * 2 + slot) % COURSES.length];
                boolean online = (week + slot) % 2 == 1;
                TrainingSession session = new TrainingSession(id,
                        new SessionDetails(course, online ? null : "Northwind House, Room " + (1 + slot),
                                online ? "https://meet.example.com/northwind-" + (week * 2 + slot) : null,
                                "Bring a laptop. Materials are shared at the start of the session."),
                        SessionTime.ofLocal(day.atTime(start), day.atTime(start.plusHours(slot == 0 ? 3 : 2)),
                                LONDON.getId()),
                        SessionState.ACTIVE);
                session.assignInstructor(instructors.get((week + slot) % instructors.size()));
                int learnerCount = 4 + random.nextInt(5);
                for (int i = 0; i < learnerCount; i++) {
                    Person learner = learners.get((week * 5 + slot * 7 + i) % learners.size());
                    if (!session.isRegistered(learner)) {
                        session.register(learner);
                        answer(session, learner, week * 2 + slot + i);
                    }
                }
                sessions.add(session);
            }
        }
    }

    /** Most demo learners have answered their invitation by email, as a class a few days out looks. */
    private static void answer(TrainingSession session, Person learner, int index) {
        AttendanceResponse[] answers = {AttendanceResponse.ACCEPTED, AttendanceResponse.ACCEPTED,
            AttendanceResponse.NO_ANSWER, AttendanceResponse.ACCEPTED, AttendanceResponse.TENTATIVE,
            AttendanceResponse.ACCEPTED, AttendanceResponse.DECLINED};
        AttendanceResponse response = answers[index % answers.length];
        if (response != AttendanceResponse.NO_ANSWER) {
            session.recordResponse(learner, ResponseRecord.given(response,
                    Instant.now().minus(Duration.ofHours(2L + index % 40)), ResponseChannel.EMAIL));
        }
    }

    private void loadRiverside(String passwordHash) {
        Tenant tenant = provisioning.createTenant(RIVERSIDE);
        TenantId id = tenant.id();
        apiKeys.add(ApiKey.issueWithSecret(id, "Demo coaching platform", RIVERSIDE_API_KEY).key());
        person(id, RIVERSIDE_ADMIN_EMAIL, "Sam Rivers", "America/New_York", TenantProvisioning.ADMINISTRATOR, passwordHash);
        Person coach = person(id, "jo.coach@riverside.example", "Jo Carter", "America/New_York",
                TenantProvisioning.INSTRUCTOR, passwordHash);
        Person learner = person(id, "ben.miles@riverside.example", "Ben Miles", "America/New_York",
                TenantProvisioning.LEARNER, passwordHash);
        LocalDate day = LocalDate.now(ZoneId.of("America/New_York")).plusDays(3);
        TrainingSession review = new TrainingSession(id,
                new SessionDetails("Career Coaching Review", null, "https://meet.example.com/riverside-1", null),
                SessionTime.ofLocal(day.atTime(10, 0), day.atTime(11, 0), "America/New_York"), SessionState.ACTIVE);
        review.assignInstructor(coach);
        review.register(learner);
        sessions.add(review);
        offerBookings(id, coach, "Coaching session", 60, LocalTime.of(13, 0), LocalTime.of(17, 0));
    }

    /** Weekday hours in the instructor's zone, and one kind of meeting learners can book in them. */
    private void offerBookings(TenantId tenant, Person instructor, String kindName, int lengthMinutes, LocalTime from,
            LocalTime to) {
        List<WeeklyHours> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY).stream()
                .map(day -> new WeeklyHours(day, from, to)).toList();
        bookings.add(new PublishedAvailability(tenant, instructor.id(), instructor.timeZone(), weekdays,
                List.of()));
        bookings.add(new BookableKind(tenant, instructor.id(), new BookableKind.Settings(kindName, lengthMinutes, 0, 15,
                12 * 60, 30, 4, 15, null)));
    }

    private Person person(TenantId tenant, String email, String name, String zone, String roleName, String passwordHash) {
        Role role = roles.findByName(tenant, roleName).orElseThrow();
        Person person = new Person(tenant, new PersonDetails(email, name, zone, null));
        person.assignRoles(Set.of(role));
        person.changePasswordHash(passwordHash);
        people.add(person);
        return person;
    }

    private static String emailOf(String name, String domain) {
        return name.toLowerCase().replace(' ', '.') + "@" + domain + ".example";
    }
}
