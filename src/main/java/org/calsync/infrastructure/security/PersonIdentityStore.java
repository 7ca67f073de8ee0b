package org.calsync.infrastructure.security;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import org.calsync.domain.model.person.PasswordHasher;
import org.calsync.domain.model.person.Permission;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonRepository;

/**
 * Signs people in with their email and password. The groups are the person's permission names plus
 * {@link #SIGNED_IN}, which every signed-in person has.
 */
@ApplicationScoped
public class PersonIdentityStore implements IdentityStore {

    public static final String SIGNED_IN = "SIGNED_IN";
    private static final Logger LOG = Logger.getLogger(PersonIdentityStore.class.getName());
    // Compared against when the email is unknown, so both paths take the same time.
    private static final String DECOY_HASH = "PBKDF2WithHmacSHA512:210000:"
            + "c2FsdHNhbHRzYWx0c2FsdHNhbHRzYWx0c2FsdHNhbHQ=:"
            + "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA==";

    @Inject
    private PersonRepository people;

    @Inject
    private PasswordHasher hasher;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        Optional<Person> person = people.findByEmail(credential.getCaller());
        String storedHash = person.filter(Person::canSignIn).map(Person::passwordHash).orElse(DECOY_HASH);
        boolean matches = hasher.matches(credential.getPassword().getValue(), storedHash);
        if (person.isEmpty() || !person.get().canSignIn() || !matches) {
            LOG.info("Failed sign-in attempt");
            return CredentialValidationResult.INVALID_RESULT;
        }
        Person signedIn = person.get();
        return new CredentialValidationResult(signedIn.email(), groupsOf(signedIn.permissions()));
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential usernamePassword) {
            return validate(usernamePassword);
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    static Set<String> groupsOf(Set<Permission> permissions) {
        Set<String> groups = new HashSet<>();
        groups.add(SIGNED_IN);
        permissions.forEach(permission -> groups.add(permission.name()));
        return groups;
    }
}
