package org.calsync.testsupport.ews;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * The server's side of NTLM (MS-NLMP) for the simulator, as IIS runs it in front of EWS: a NEGOTIATE
 * message is answered with a CHALLENGE carrying eight random bytes and the domain's target information;
 * the AUTHENTICATE message that follows on the same connection is accepted only when its NTLMv2 proof
 * matches the one computed from the user's password. NTLM authenticates the connection, not the request,
 * so an authenticated connection stays signed in.
 */
final class NtlmServer {

    private static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
    private static final int UNICODE = 0x1;
    private static final int REQUEST_TARGET = 0x4;
    private static final int NTLM = 0x200;
    private static final int ALWAYS_SIGN = 0x8000;
    private static final int TARGET_TYPE_DOMAIN = 0x10000;
    private static final int EXTENDED_SESSION_SECURITY = 0x80000;
    private static final int TARGET_INFO = 0x800000;
    private static final int NEGOTIATE_128 = 0x20000000;
    private static final int NEGOTIATE_56 = 0x80000000;

    private final String domain;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> pendingChallenges = new ConcurrentHashMap<>();
    private final Map<String, String> signedIn = new ConcurrentHashMap<>();

    NtlmServer(String domain) {
        this.domain = domain.toUpperCase(Locale.ROOT);
    }

    /** The user this connection signed in as, or null. */
    String userOf(String connection) {
        return signedIn.get(connection);
    }

    /**
     * Takes one {@code Authorization: NTLM ...} token. Returns the CHALLENGE to send back for a NEGOTIATE,
     * or null after an AUTHENTICATE, when {@link #userOf} tells whether it was accepted.
     */
    byte[] accept(String connection, byte[] token, Function<String, String> passwordOf) {
        if (token.length < 12 || !Arrays.equals(Arrays.copyOf(token, 8), SIGNATURE)) {
            throw new IllegalArgumentException("not an NTLM message");
        }
        int type = ByteBuffer.wrap(token, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        signedIn.remove(connection);
        if (type == 1) {
            byte[] serverChallenge = new byte[8];
            random.nextBytes(serverChallenge);
            pendingChallenges.put(connection, serverChallenge);
            return challengeMessage(serverChallenge);
        }
        if (type == 3) {
            byte[] serverChallenge = pendingChallenges.remove(connection);
            String user = serverChallenge == null ? null : verify(token, serverChallenge, passwordOf);
            if (user != null) {
                signedIn.put(connection, user);
            }
            return null;
        }
        throw new IllegalArgumentException("unexpected NTLM message type " + type);
    }

    /** Forgets a connection that closed. */
    void closed(String connection) {
        signedIn.remove(connection);
        pendingChallenges.remove(connection);
    }

    private byte[] challengeMessage(byte[] serverChallenge) {
        byte[] targetName = domain.getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer info = ByteBuffer.allocate(64 + 4 * targetName.length).order(ByteOrder.LITTLE_ENDIAN);
        avPair(info, 2, targetName); // MsvAvNbDomainName
        avPair(info, 1, "EX01".getBytes(StandardCharsets.UTF_16LE)); // MsvAvNbComputerName
        avPair(info, 4, (domain.toLowerCase(Locale.ROOT) + ".example").getBytes(StandardCharsets.UTF_16LE)); // DNS domain
        avPair(info, 0, new byte[0]); // MsvAvEOL
        byte[] targetInfo = Arrays.copyOf(info.array(), info.position());
        int header = 48;
        ByteBuffer message = ByteBuffer.allocate(header + targetName.length + targetInfo.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        message.put(SIGNATURE).putInt(2);
        message.putShort((short) targetName.length).putShort((short) targetName.length).putInt(header);
        message.putInt(UNICODE | REQUEST_TARGET | NTLM | ALWAYS_SIGN | TARGET_TYPE_DOMAIN | EXTENDED_SESSION_SECURITY
                | TARGET_INFO | NEGOTIATE_128 | NEGOTIATE_56);
        message.put(serverChallenge).putLong(0);
        message.putShort((short) targetInfo.length).putShort((short) targetInfo.length)
                .putInt(header + targetName.length);
        message.put(targetName).put(targetInfo);
        return message.array();
    }

    private static void avPair(ByteBuffer buffer, int id, byte[] value) {
        buffer.putShort((short) id).putShort((short) value.length).put(value);
    }

    /** The NTLMv2 proof: HMAC-MD5 over the server challenge and the client's blob, keyed by NTOWFv2. */
    private static String verify(byte[] message, byte[] serverChallenge, Function<String, String> passwordOf) {
        byte[] ntResponse = field(message, 20);
        String userDomain = new String(field(message, 28), StandardCharsets.UTF_16LE);
        String user = new String(field(message, 36), StandardCharsets.UTF_16LE);
        String password = passwordOf.apply(user.toLowerCase(Locale.ROOT));
        if (password == null || ntResponse.length <= 24) {
            return null; // unknown user, or an NTLMv1 answer, which Exchange's defaults refuse
        }
        byte[] proof = Arrays.copyOf(ntResponse, 16);
        byte[] blob = Arrays.copyOfRange(ntResponse, 16, ntResponse.length);
        byte[] ntowf = hmacMd5(md4(password.getBytes(StandardCharsets.UTF_16LE)),
                (user.toUpperCase(Locale.ROOT) + userDomain).getBytes(StandardCharsets.UTF_16LE));
        byte[] challengeAndBlob = ByteBuffer.allocate(8 + blob.length).put(serverChallenge).put(blob).array();
        return MessageDigest.isEqual(proof, hmacMd5(ntowf, challengeAndBlob)) ? user.toLowerCase(Locale.ROOT) : null;
    }

    /** A security buffer's bytes: length, allocated length and offset, little-endian, at the given position. */
    private static byte[] field(byte[] message, int at) {
        ByteBuffer buffer = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
        int length = Short.toUnsignedInt(buffer.getShort(at));
        int offset = buffer.getInt(at + 4);
        return Arrays.copyOfRange(message, offset, offset + length);
    }

    private static byte[] md4(byte[] input) {
        MD4Digest digest = new MD4Digest();
        digest.update(input, 0, input.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    private static byte[] hmacMd5(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
