package org.calsync.infrastructure.provider.ical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ExchangeGlobalObjectIdTest {

    /** [MS-ASEMAIL] 4.3, example 2: the id Exchange keeps for a third-party UID. */
    private static final String SPEC_ID = "BAAAAIIA4AB0xbcQGoLgCAAAAAAAAAAAAAAAAAAAAAAAAAAAMwAAAHZDYWwtVWlkAQAAAHs4MTQxMkQzQy0y"
            + "QTI0LTRFOUQtQjIwRS0xMUY3QkJFOTI3OTl9AA==";
    private static final String SPEC_UID = "{81412D3C-2A24-4E9D-B20E-11F7BBE92799}";

    @Test
    void aThirdPartyUidIsWrappedAsTheSpecificationShows() {
        assertArrayEquals(Base64.getDecoder().decode(SPEC_ID), ExchangeGlobalObjectId.of(SPEC_UID));
    }

    @Test
    void theUidComesBackOutOfItsHexForm() {
        String uid = "5f0c1a5e-43b1-3d2a-9c1e-2b7f1c0d9e11@calsync";
        String hex = ExchangeGlobalObjectId.hexOf(uid);
        assertTrue(hex.startsWith("040000008200E00074C5B7101A82E008"), hex);
        assertEquals(Optional.of(uid), ExchangeGlobalObjectId.thirdPartyUid(hex));
        assertEquals(Optional.of(SPEC_UID), ExchangeGlobalObjectId.thirdPartyUid(
                java.util.HexFormat.of().formatHex(Base64.getDecoder().decode(SPEC_ID))));
    }

    @Test
    void anOutlookUidIsItsOwnIdWithoutTheInstanceDate() {
        // [MS-ASEMAIL] 4.3, example 1, as Outlook writes it in a UID: an id already, kept as it is
        String outlook = "040000008200E00074C5B7101A82E00800000000E040C9C12685C40100000000000000001000000"
                + "00BF0ED4B6E4EE94E9E39E3867B378EF3";
        assertEquals(outlook, ExchangeGlobalObjectId.hexOf(outlook));
        assertEquals(Optional.empty(), ExchangeGlobalObjectId.thirdPartyUid(outlook));
        assertEquals(Optional.empty(), ExchangeGlobalObjectId.thirdPartyUid("not hex at all"));
    }
}
