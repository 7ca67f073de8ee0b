package org.calsync.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class AesGcmSecretCipherTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void encryptsWithAFreshNonceAndDecryptsBack() {
        AesGcmSecretCipher cipher = new AesGcmSecretCipher(key(7));
        String first = cipher.encrypt("app-specific-password");
        String second = cipher.encrypt("app-specific-password");
        assertNotEquals(first, second, "same secret, different ciphertext");
        assertTrue(first.startsWith("v1:"));
        assertFalse(first.contains("app-specific"));
        assertEquals("app-specific-password", cipher.decrypt(first));
    }

    @Test
    void aTamperedValueOrAnotherKeyIsRefused() {
        String sealed = new AesGcmSecretCipher(key(7)).encrypt("secret");
        assertThrows(IllegalStateException.class, () -> new AesGcmSecretCipher(key(8)).decrypt(sealed));
        char[] chars = sealed.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        assertThrows(IllegalStateException.class, () -> new AesGcmSecretCipher(key(7)).decrypt(new String(chars)));
    }
}
