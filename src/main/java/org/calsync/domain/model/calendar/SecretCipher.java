package org.calsync.domain.model.calendar;

/** Encrypts account secrets at rest; the key and algorithm are the infrastructure's. */
public interface SecretCipher {

    String encrypt(String secret);

    String decrypt(String cipherText);
}
