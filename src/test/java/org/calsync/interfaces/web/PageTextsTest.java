package org.calsync.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;

import org.calsync.domain.model.calendar.FailureKind;
import org.junit.jupiter.api.Test;

/** The pages' texts: the sync log's plain words follow from what adapters report, and both languages are whole. */
class PageTextsTest {

    private static final String BUNDLE = "org.calsync.interfaces.web.messages";

    private final SyncExplanations explanations = new SyncExplanations();

    private void says(String outcome, FailureKind kind, String expected) {
        String key = explanations.key(outcome, kind == null ? null : kind.name());
        String said = ResourceBundle.getBundle("org.calsync.interfaces.web.messages", Locale.ENGLISH).getString(key);
        assertTrue(said.contains(expected), kind + " -> " + key + ": " + said);
        String dit = ResourceBundle.getBundle("org.calsync.interfaces.web.messages", Locale.FRENCH).getString(key);
        assertTrue(!dit.equals(said), "said in French too: " + key);
    }

    @Test
    void eachKindOfFailureSaysWhatHappenedAndWhatToDo() {
        says("FAILED", FailureKind.UNREACHABLE, "could not be reached");
        says("FAILED", FailureKind.SIGN_IN, "reconnected");
        says("FAILED", FailureKind.BUSY, "busy");
        says("FAILED", FailureKind.UNREADABLE, "could not read");
        says("FAILED", FailureKind.REMOVING, "removed");
        says("FAILED", FailureKind.OTHER, "technical detail");
        says("FAILED", null, "technical detail");
        says("HELD", null, "Release");
        says("PARTIAL", null, "left out");
        says("OK", null, "without problems");
    }

    @Test
    void everyKindOfFailureIsExplainedInBothLanguagesForPullsAndPushes() {
        for (FailureKind kind : FailureKind.values()) {
            for (String key : List.of(explanations.key("FAILED", kind.name()), explanations.pushKey(kind.name()))) {
                String english = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH).getString(key);
                String french = ResourceBundle.getBundle(BUNDLE, Locale.FRENCH).getString(key);
                assertTrue(!english.isBlank() && !english.equals(french), kind + ": " + english + " / " + french);
            }
        }
    }

    @Test
    void everyEnglishTextHasAFrenchOne() throws IOException {
        // The files themselves: through ResourceBundle the French one would inherit what it lacks.
        Properties english = load("messages.properties");
        Properties french = load("messages_fr.properties");
        assertEquals(english.stringPropertyNames(), french.stringPropertyNames());
        french.stringPropertyNames().forEach(key -> assertTrue(!french.getProperty(key).isBlank(), key));
        assertTrue(english.size() > 400, "every page's texts: " + english.size());
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PageTextsTest.class.getResourceAsStream("/org/calsync/interfaces/web/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
