package org.calsync.testsupport.ews;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The validator the simulator relies on: it accepts Microsoft's own samples and rejects what breaks the schema. */
class EwsSchemaTest {

    /**
     * Samples whose documentation is wrong against the schema, with what is wrong; each must keep failing,
     * so that the list cannot hide a validator that accepts everything.
     */
    private static final Map<String, String> KNOWN_BAD = Map.of("GetStreamingEventsResponse.1.xml",
            "m:Notification where the schema has t:Notification");

    static Stream<Path> samples() throws IOException, URISyntaxException {
        Path folder = Path.of(EwsSchemaTest.class.getResource("/ews/samples").toURI());
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyOfficialSampleConforms(Path sample) throws IOException {
        String xml = Files.readString(sample);
        String name = sample.getFileName().toString();
        if (KNOWN_BAD.containsKey(name)) {
            EwsSchema.SchemaViolation violation = assertThrows(EwsSchema.SchemaViolation.class, () -> EwsSchema.validate(xml));
            assertTrue(violation.getMessage().contains("Notification"), KNOWN_BAD.get(name) + ": " + violation.getMessage());
        } else {
            assertDoesNotThrow(() -> EwsSchema.validate(xml), name);
        }
    }

    @Test
    void aMisspelledElementOrAWrongValueIsRejected() throws Exception {
        String valid = Files.readString(Path.of(EwsSchemaTest.class.getResource("/ews/samples/CreateItem.2.xml").toURI()));
        EwsSchema.SchemaViolation misspelled = assertThrows(EwsSchema.SchemaViolation.class,
                () -> EwsSchema.validate(valid.replace("t:Location>", "t:Venue>")));
        assertTrue(misspelled.getMessage().contains("Venue"), misspelled.getMessage());
        assertThrows(EwsSchema.SchemaViolation.class,
                () -> EwsSchema.validate(valid.replace("SendToAllAndSaveCopy", "SendToEveryone")));
        assertThrows(EwsSchema.SchemaViolation.class, () -> EwsSchema.validate(valid.replace(
                "<t:Start>2013-09-21T16:00:00.000Z</t:Start>", "<t:Start>tomorrow</t:Start>")));
        assertThrows(EwsSchema.SchemaViolation.class, () -> EwsSchema.validate("<not-soap/>"));
        assertThrows(EwsSchema.SchemaViolation.class, () -> EwsSchema.validate("not xml at all"));
    }
}
