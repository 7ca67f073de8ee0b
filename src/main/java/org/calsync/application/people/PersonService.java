package org.calsync.application.people;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.person.PasswordHasher;
import org.calsync.domain.model.person.Permission;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonDetails;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.person.Role;
import org.calsync.domain.model.person.RoleRepository;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.ConflictException;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.Language;
import org.calsync.domain.shared.UnknownEntityException;

/** Use cases on the people of a tenant. */
@ApplicationScoped
@Transactional
public class PersonService {

    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final Logger LOG = Logger.getLogger(PersonService.class.getName());

    @Inject
    private PersonRepository people;

    @Inject
    private RoleRepository roles;

    @Inject
    private PasswordHasher hasher;

    /** Creates a person; roles are ids or names of the tenant's roles, the password may be null (no sign-in). */
    public Person create(TenantId tenant, PersonDetails details, Set<String> roleRefs, char[] password) {
        Person person = new Person(tenant, details);
        requireUniqueEmail(person.email(), null);
        person.assignRoles(resolveRoles(tenant, roleRefs));
        if (password != null && password.length > 0) {
            person.changePasswordHash(hashChecked(password));
        }
        people.add(person);
        LOG.info(() -> "tenant=" + tenant + " created person " + person.id());
        return person;
    }

    /** Changes details and roles; a null role set leaves roles unchanged, an empty password leaves it unchanged. */
    public Person update(TenantId tenant, String personId, PersonDetails details, Set<String> roleRefs, char[] password) {
        Person person = find(tenant, personId);
        requireUniqueEmail(Person.normaliseEmail(details.email()), person);
        person.changeDetails(details);
        if (roleRefs != null) {
            person.assignRoles(resolveRoles(tenant, roleRefs));
        }
        if (password != null && password.length > 0) {
            person.changePasswordHash(hashChecked(password));
        }
        return person;
    }

    /** The language of the person's emails and calendar events; empty follows the organisation's. */
    public Person chooseLanguage(TenantId tenant, String personId, Optional<Language> language) {
        Person person = find(tenant, personId);
        person.chooseLanguage(language.orElse(null));
        return person;
    }

    /** The person's own choice to get, or not, sessions by email when their organisation sends them. */
    public Person takeInvitationEmails(TenantId tenant, String personId, boolean wanted) {
        Person person = find(tenant, personId);
        person.takeInvitationEmails(wanted);
        LOG.info(() -> "tenant=" + tenant + " person " + personId + (wanted ? " takes" : " turned off") + " invitation emails");
        return person;
    }

    /** Sets a person's password, as one who accepts an invitation chooses it. */
    void choosePassword(Person person, char[] password) {
        person.changePasswordHash(hashChecked(password));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Person find(TenantId tenant, String personId) {
        return people.find(tenant, personId).orElseThrow(() -> new UnknownEntityException("person", personId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Person> findByEmail(String email) {
        return people.findByEmail(email);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Person> list(TenantId tenant) {
        return people.list(tenant);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Person> listWithPermission(TenantId tenant, Permission permission) {
        return people.listWithPermission(tenant, permission);
    }

    private void requireUniqueEmail(String email, Person self) {
        people.findByEmail(email).filter(other -> !other.equals(self)).ifPresent(other -> {
            throw new ConflictException("email", "person.emailTaken");
        });
    }

    private Set<Role> resolveRoles(TenantId tenant, Set<String> roleRefs) {
        Set<Role> resolved = new HashSet<>();
        if (roleRefs == null) {
            return resolved;
        }
        for (String ref : roleRefs) {
            Role role = roles.find(tenant, ref).or(() -> roles.findByName(tenant, ref))
                    .orElseThrow(() -> new InvalidInputException("roles", "person.unknownRole", ref));
            resolved.add(role);
        }
        return resolved;
    }

    private String hashChecked(char[] password) {
        if (password.length < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("password", "person.passwordTooShort", MIN_PASSWORD_LENGTH);
        }
        return hasher.hash(password);
    }
}
