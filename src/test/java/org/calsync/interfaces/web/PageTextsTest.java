package org.calsync.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

/** The pages' texts: the sync log's plain words follow from what adapters report, and both languages are whole. */
class PageTextsTest {

    private final SyncExplanations explanations = new SyncExplanations();

    private void says(String outcome, String message, String expected) {
        String key = explanations.key(outcome, message);
        String said = ResourceBundle.getBundle("org.calsync.interfaces.web.messages", Locale.ENGLISH).getString(key);
        assertTrue(said.contains(expected), message + " -> " + key + ": " + said);
        String dit = ResourceBundle.getBundle("org.calsync.interfaces.web.messages", Locale.FRENCH).getString(key);
        assertTrue(!dit.equals(said), "said in French too: " + key);
    }

    @Test
    void eachKindOfFailureSaysWhatHappenedAndWhatToDo() {
        says("FAILED", "CalDAV server unreachable: cal.example.org (java.net.ConnectException)", "could not be reached");
        says("FAILED", "CalDAV server did not answer in time: cal.example.org", "could not be reached");
        says("FAILED", "The account needs reconnecting: The server refused the sign-in (HTTP 401)", "reconnected");
        says("FAILED", "Exchange refused to let the service account impersonate ines@example.org", "reconnected");
        says("FAILED", "CalDAV server cal.example.org answered HTTP 503", "busy");
        says("FAILED", "Exchange is busy (ErrorServerBusy); try again in 30 s", "busy");
        says("FAILED", "The CalDAV server sent an unreadable answer", "could not read");
        says("FAILED", "Reading the calendar failed: java.lang.IllegalStateException: boom", "technical detail");
        says("FAILED", null, "technical detail");
        says("HELD", "42 of 50 events disappeared at once", "Release");
        says("PARTIAL", "2 items skipped", "left out");
        says("OK", null, "without problems");
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
