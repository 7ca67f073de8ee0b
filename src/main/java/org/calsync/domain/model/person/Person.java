package org.calsync.domain.model.person;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.Language;
import org.calsync.domain.shared.Validation;

/** Someone in a tenant: an admin, instructor, tutor, coach or learner, told apart by their roles. */
public class Person {

    // Deliberately loose: one @, no spaces, a dot in the domain. Mail servers are the real judge.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private String id;
    private String tenantId;
    private String email;
    private String displayName;
    private ZoneId timeZone;
    private WorkingHours workingHours;
    private Set<Role> roles;
    private String passwordHash;
    private Language language;
    /** False when the person turned off session invitations by email. */
    private boolean invitationEmails = true;
    private Instant createdAt;
    private long version;

    protected Person() {
        // for JPA
    }

    public Person(TenantId tenantId, PersonDetails details) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = Objects.requireNonNull(tenantId).value();
        this.roles = new HashSet<>();
        this.createdAt = Instant.now();
        changeDetails(details);
    }

    public final void changeDetails(PersonDetails details) {
        Validation validation = new Validation();
        String cleanEmail = validation.required("email", details.email(), 320, "label.email");
        validation.check(cleanEmail.isEmpty() || EMAIL.matcher(cleanEmail).matches(), "email", "person.emailInvalid");
        String cleanName = validation.required("displayName", details.displayName(), 200, "label.name");
        ZoneId zone = validation.zone("timeZone", details.timeZone());
        validation.throwIfInvalid();
        this.email = normaliseEmail(cleanEmail);
        this.displayName = cleanName;
        this.timeZone = zone;
        this.workingHours = details.workingHours() == null ? WorkingHours.officeHours() : details.workingHours();
    }

    public static String normaliseEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Replaces the person's roles; every role must be of the person's own tenant. */
    public void assignRoles(Set<Role> newRoles) {
        for (Role role : newRoles) {
            if (!role.tenantId().value().equals(tenantId)) {
                throw new InvalidInputException("roles", "person.roleOfOtherTenant", role.name());
            }
        }
        roles.clear();
        roles.addAll(newRoles);
    }

    /** The language the person chose for emails and calendar events; empty to follow the organisation's. */
    public Optional<Language> language() {
        return Optional.ofNullable(language);
    }

    /** The person's own language, else the organisation's. */
    public Language languageOr(Language organisationDefault) {
        return language == null ? organisationDefault : language;
    }

    /** Null follows the organisation's language. */
    public void chooseLanguage(Language chosen) {
        this.language = chosen;
    }

    /** Stores an already hashed password; hashing is the security infrastructure's job. */
    /** Whether the person takes sessions by email when their organisation sends them. */
    public boolean takesInvitationEmails() {
        return invitationEmails;
    }

    public void takeInvitationEmails(boolean wanted) {
        this.invitationEmails = wanted;
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
    }

    public boolean canSignIn() {
        return passwordHash != null;
    }

    public Set<Permission> permissions() {
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        roles.forEach(role -> all.addAll(role.permissions()));
        return all;
    }

    public boolean has(Permission permission) {
        return roles.stream().anyMatch(role -> role.grants(permission));
    }

    public boolean belongsTo(TenantId tenant) {
        return tenantId.equals(tenant.value());
    }

    public String id() {
        return id;
    }

    public TenantId tenantId() {
        return new TenantId(tenantId);
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    public WorkingHours workingHours() {
        return workingHours;
    }

    public Set<Role> roles() {
        return Collections.unmodifiableSet(roles);
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Person person && id.equals(person.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
