package org.calsync.domain.model.person;

/** Turns passwords into stored hashes and checks them; the algorithm is the infrastructure's choice. */
public interface PasswordHasher {

    String hash(char[] password);

    boolean matches(char[] password, String storedHash);
}
