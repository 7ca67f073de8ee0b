package org.calsync.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Counts agree with their nouns in both languages: messages that count things choose the singular or the plural
 * through the bundle's choice format, never "1 events".
 */
class PluralTextsTest {

    /** A placeholder followed by a plural noun, as in "{0} calendars", without a choice format to pick it. */
    private static final Pattern BARE_PLURAL = Pattern.compile("\\{\\d\\}( [a-zéè]+)? (calendars|events|changes|errors|people"
            + "|attempts|agendas|événements|changements|erreurs|personnes|tentatives|calendriers)\\b");

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PluralTextsTest.class.getResourceAsStream("/org/calsync/interfaces/web/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** The message with its choice formats taken out, since those pick their noun for each count. */
    private static String withoutChoices(String message) {
        StringBuilder kept = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < message.length(); i++) {
            if (depth == 0 && message.startsWith(",choice,", message.indexOf(',', i) < 0 ? i : message.indexOf(',', i))
                    && message.charAt(i) == '{' && message.indexOf(',', i) - i <= 2) {
                depth = 1;
                continue;
            }
            if (depth > 0) {
                depth += message.charAt(i) == '{' ? 1 : message.charAt(i) == '}' ? -1 : 0;
                continue;
            }
            kept.append(message.charAt(i));
        }
        return kept.toString();
    }

    private static String format(Properties bundle, Locale locale, String key, Object... arguments) {
        return new MessageFormat(bundle.getProperty(key), locale).format(arguments);
    }

    @Test
    void noMessageCountsWithoutChoosingTheNoun() throws IOException {
        List<String> bare = new ArrayList<>();
        for (String name : List.of("messages.properties", "messages_fr.properties")) {
            Properties bundle = bundle(name);
            for (String key : bundle.stringPropertyNames()) {
                if (BARE_PLURAL.matcher(withoutChoices(bundle.getProperty(key))).find()) {
                    bare.add(name + ": " + key + "=" + bundle.getProperty(key));
                }
            }
        }
        assertEquals(List.of(), bare);
    }

    @Test
    void oneIsSingularAndMoreArePluralInEnglish() throws IOException {
        Properties en = bundle("messages.properties");
        assertEquals("Synced one calendar: one change read.", format(en, Locale.ENGLISH, "portal.synced", 1, 1));
        assertEquals("Synced 3 calendars: 12 changes read.", format(en, Locale.ENGLISH, "portal.synced", 3, 12));
        assertEquals("One event pushed, no change pulled, 2 errors.", format(en, Locale.ENGLISH, "sync.weekTotals", 1, 0, 2));
        assertEquals("Invitations sent to one person.", format(en, Locale.ENGLISH, "people.invitationsSent", 1));
        assertEquals("Synced 1 of 1 calendar for one person (Synced: 1). Calendar sync shows each calendar’s log.",
                format(en, Locale.ENGLISH, "people.syncDone", 1, 1, 1, " (Synced: 1)"));
        assertEquals("Linked amira with 2 calendars. Your sessions are on their way.",
                format(en, Locale.ENGLISH, "portal.linked", "amira", 2));
    }

    @Test
    void oneIsSingularAndMoreArePluralInFrench() throws IOException {
        Properties fr = bundle("messages_fr.properties");
        assertEquals("Un agenda synchronisé : un changement lu.", format(fr, Locale.FRENCH, "portal.synced", 1, 1));
        assertEquals("3 agendas synchronisés : 12 changements lus.", format(fr, Locale.FRENCH, "portal.synced", 3, 12));
        assertEquals("Un événement envoyé, aucun changement lu, 2 erreurs.", format(fr, Locale.FRENCH, "sync.weekTotals", 1, 0, 2));
        assertEquals("Invitations envoyées à 4 personnes.", format(fr, Locale.FRENCH, "people.invitationsSent", 4));
        assertEquals("amira est lié, avec un agenda. Vos sessions arrivent.", format(fr, Locale.FRENCH, "portal.linked", "amira", 1));
    }
}
