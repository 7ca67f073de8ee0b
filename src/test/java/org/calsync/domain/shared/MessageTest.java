package org.calsync.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.calsync.domain.model.session.SessionTime;
import org.junit.jupiter.api.Test;

/** What the domain says to people: worded in English for the API and in the reader's language on pages. */
class MessageTest {

    // The first key-like literal given to anything that words an error: a key must exist, or a person
    // would meet a stack trace where a sentence belongs.
    private static final Pattern KEY_USE = Pattern.compile(
            "(?:InvalidInputException|ConflictException|FieldError|Message\\.of|check|required)\\((?:[^;\"]|\"[^\"]*\")*?"
                    + "\"([a-z][A-Za-z]*\\.[A-Za-z.]*[A-Za-z])\"");

    @Test
    void fieldErrorsAreEnglishForTheApiAndFrenchOnFrenchPages() {
        InvalidInputException error = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> SessionTime.ofLocal(java.time.LocalDateTime.of(2026, 5, 4, 10, 0),
                        java.time.LocalDateTime.of(2026, 5, 4, 9, 0), "Europe/Paris"));
        FieldError end = error.errors().get(0);
        assertEquals("end", end.field());
        assertEquals("End must be after start.", end.message());
        assertEquals("La fin doit être après le début.", end.message(Locale.FRANCE));
        assertTrue(error.getMessage().contains("End must be after start."));
    }

    @Test
    void fieldNamesAndNumbersAreWordedInTheSameLanguage() {
        Message tooLong = Message.of("input.tooLong", Message.of("label.courseTitle"), 300);
        assertEquals("Course title must be at most 300 characters.", tooLong.english());
        assertEquals("Intitulé de la formation : 300 caractères au maximum.", tooLong.in(Locale.FRENCH));
        assertEquals("Unknown time zone 'Mars/Olympus'. Use an IANA id such as Europe/London.",
                Message.of("input.zoneUnknown", "Mars/Olympus").english());
        assertEquals("Ada, Tom have no role that allows linking a calendar.",
                Message.of("invitation.cannotLink", 2, "Ada, Tom").english());
        assertEquals("Ada has no role that allows linking a calendar.",
                Message.of("invitation.cannotLink", 1, "Ada").english());
    }

    @Test
    void aLanguageWithoutTranslationsGetsEnglishNotTheServersOwnLanguage() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.FRENCH);
        try {
            assertEquals("End must be after start.", Message.of("session.endBeforeStart").in(Locale.GERMAN));
            assertEquals("End must be after start.", Message.of("session.endBeforeStart").english());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void bothLanguagesHaveEveryKeyAndEveryPatternFormats() throws IOException {
        Properties english = load("errors.properties");
        Properties french = load("errors_fr.properties");
        assertEquals(english.stringPropertyNames(), french.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            Object[] arguments = {1, "x", "y", "z"};
            String en = Message.of(key, arguments).english();
            String fr = Message.of(key, arguments).in(Locale.FRENCH);
            assertTrue(!en.isBlank() && !fr.isBlank(), key);
            assertTrue(!en.contains("{"), key + ": " + en);
            // product names read the same in French
            if (!Set.of("server.said", "label.description", "provider.MICROSOFT_365", "provider.ICLOUD",
                    "provider.FASTMAIL", "onlineMeeting.TEAMS", "onlineMeeting.GOOGLE_MEET").contains(key)) {
                assertNotEquals(en, fr, "translated: " + key);
            }
        }
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Properties english = load("errors.properties");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher use = KEY_USE.matcher(Files.readString(source));
                while (use.find()) {
                    used.add(use.group(1));
                }
            }
        }
        assertTrue(used.size() > 100, "found the uses: " + used.size());
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(english.stringPropertyNames());
        assertEquals(Set.of(), missing);
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageTest.class.getResourceAsStream("/org/calsync/domain/shared/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
