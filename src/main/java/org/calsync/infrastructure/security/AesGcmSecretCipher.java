package org.calsync.infrastructure.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.domain.model.calendar.SecretCipher;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * AES-256-GCM for account passwords and tokens, with a random 96-bit nonce per value, stored as
 * "v1:" + base64(nonce + ciphertext + tag). The key is calsync.crypto.key (base64 of 32 bytes); without
 * it, secret.key in the data folder (CALSYNC_DATA_DIR) is created on first start and the admin is told to
 * back it up.
 */
@ApplicationScoped
public class AesGcmSecretCipher implements SecretCipher {

    private static final Logger LOG = Logger.getLogger(AesGcmSecretCipher.class.getName());
    private static final String FORMAT = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "calsync.crypto.key")
    Optional<String> configuredKey;

    /** The folder of the embedded database (CALSYNC_DATA_DIR), where a generated key is kept. */
    @Inject
    @ConfigProperty(name = "calsync.data-dir", defaultValue = "data")
    String dataDir;

    private SecretKey key;

    public AesGcmSecretCipher() {
    }

    AesGcmSecretCipher(byte[] rawKey) {
        this.key = new SecretKeySpec(rawKey, "AES");
    }

    @PostConstruct
    void loadKey() {
        byte[] raw = configuredKey.map(value -> Base64.getDecoder().decode(value.strip())).orElseGet(this::keyFromFile);
        if (raw.length != 32) {
            throw new IllegalStateException("calsync.crypto.key must be 32 bytes in base64 (AES-256); it has " + raw.length);
        }
        key = new SecretKeySpec(raw, "AES");
    }

    private byte[] keyFromFile() {
        Path file = Path.of(dataDir, "secret.key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            }
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(raw), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's permissions apply.
            }
            LOG.warning(() -> "No calsync.crypto.key configured: created " + file.toAbsolutePath() + " to encrypt calendar"
                    + " passwords and tokens. Back it up, or set CALSYNC_CRYPTO_KEY; without it linked accounts must be"
                    + " linked again.");
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the encryption key file " + file, e);
        }
    }

    @Override
    public String encrypt(String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return FORMAT + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /**
     * A value that tells keys apart without revealing them: an HMAC of a fixed label under the key. Stored in the
     * database, it lets an instance started with another key refuse to start.
     */
    public String checkValue() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            byte[] check = mac.doFinal("CalSync secrets key check".getBytes(StandardCharsets.US_ASCII));
            return "v1:" + Base64.getEncoder().encodeToString(Arrays.copyOf(check, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String decrypt(String cipherText) {
        if (cipherText == null || !cipherText.startsWith(FORMAT)) {
            throw new IllegalArgumentException("Not a CalSync secret");
        }
        byte[] all = Base64.getDecoder().decode(cipherText.substring(FORMAT.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored secret cannot be decrypted: the encryption key has changed", e);
        }
    }
}
