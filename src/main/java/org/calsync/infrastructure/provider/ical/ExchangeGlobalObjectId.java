package org.calsync.infrastructure.provider.ical;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * How Exchange keeps an iCalendar UID: the meeting's global object id ([MS-OXCICAL] 2.1.3.1.1.20.26, [MS-OXOCAL]
 * 2.2.1.27). A UID Outlook made is that id in hex; any other UID, such as the one on CalSync's emailed
 * invitations, is wrapped after a "vCal-Uid" marker. Exchange's search and Graph's {@code iCalUId} use these bytes,
 * so this is how an invitation that Exchange added to a calendar is found again by its UID.
 */
public final class ExchangeGlobalObjectId {

    /** The fixed first 16 bytes of every global object id. */
    private static final byte[] BYTE_ARRAY_ID = HexFormat.of().parseHex("040000008200E00074C5B7101A82E008");
    private static final byte[] THIRD_PARTY_MARKER = "vCal-Uid".getBytes(StandardCharsets.US_ASCII);
    /** Byte array id, instance date (4), creation time (8), padding (8), then the data's size (4). */
    private static final int HEADER = 16 + 4 + 8 + 8 + 4;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private ExchangeGlobalObjectId() {
    }

    /**
     * The id Exchange gives a meeting with this UID, for the whole meeting (no instance date): the value of
     * PidLidCleanGlobalObjectId.
     */
    public static byte[] of(String uid) {
        if (isEncoded(uid)) {
            byte[] encoded = HEX.parseHex(uid);
            Arrays.fill(encoded, 16, 20, (byte) 0); // the clean id names the whole series
            return encoded;
        }
        byte[] text = uid.getBytes(StandardCharsets.UTF_8);
        int size = THIRD_PARTY_MARKER.length + 4 + text.length + 1;
        ByteBuffer id = ByteBuffer.allocate(HEADER + size).order(ByteOrder.LITTLE_ENDIAN);
        id.put(BYTE_ARRAY_ID).put(new byte[4 + 8 + 8]).putInt(size);
        id.put(THIRD_PARTY_MARKER).putInt(1).put(text).put((byte) 0);
        return id.array();
    }

    /** {@link #of} as Graph writes it in {@code iCalUId}: upper-case hex. */
    public static String hexOf(String uid) {
        return HEX.formatHex(of(uid));
    }

    /** The UID a third-party calendar gave the meeting, when this id (in hex) wraps one. */
    public static Optional<String> thirdPartyUid(String hexId) {
        if (hexId == null || !isEncoded(hexId) || hexId.length() < 2 * (HEADER + THIRD_PARTY_MARKER.length + 4)) {
            return Optional.empty();
        }
        ByteBuffer id = ByteBuffer.wrap(HEX.parseHex(hexId)).order(ByteOrder.LITTLE_ENDIAN);
        int size = id.getInt(HEADER - 4);
        byte[] marker = Arrays.copyOfRange(id.array(), HEADER, HEADER + THIRD_PARTY_MARKER.length);
        if (!Arrays.equals(marker, THIRD_PARTY_MARKER) || size != id.capacity() - HEADER) {
            return Optional.empty();
        }
        int from = HEADER + THIRD_PARTY_MARKER.length + 4;
        int to = id.capacity();
        while (to > from && id.get(to - 1) == 0) {
            to--; // the UID ends in a NUL
        }
        return Optional.of(new String(id.array(), from, to - from, StandardCharsets.UTF_8));
    }

    /** A UID that is already a global object id in hex, as Outlook makes them. */
    private static boolean isEncoded(String uid) {
        return uid.length() >= 2 * HEADER && uid.length() % 2 == 0
                && uid.regionMatches(true, 0, HEX.formatHex(BYTE_ARRAY_ID), 0, 32)
                && uid.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
