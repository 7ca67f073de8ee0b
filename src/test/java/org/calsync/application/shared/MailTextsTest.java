package org.calsync.application.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calsync.domain.shared.Language;
import org.junit.jupiter.api.Test;

/** Every email reads whole in both languages: placeholders filled, apostrophes kept. */
class MailTextsTest {

    @Test
    void theInvitationInEachLanguage() {
        String english = new MailTexts(Language.ENGLISH).get("invitation.body", "Ana", "Northwind", "https://x/i?t=1",
                "Monday 14 December 2026");
        assertTrue(english.startsWith("Hello Ana,\n\nNorthwind invites you"), english);
        assertTrue(english.contains("https://x/i?t=1") && english.contains("until Monday 14 December 2026."), english);
        String french = new MailTexts(Language.FRENCH).get("invitation.body", "Ana", "Northwind", "https://x/i?t=1",
                "lundi 14 décembre 2026");
        assertTrue(french.startsWith("Bonjour Ana,\n\nNorthwind vous invite"), french);
        assertTrue(french.contains("jusqu’au lundi 14 décembre 2026."), french);
        assertEquals("Connectez votre agenda à Northwind", new MailTexts(Language.FRENCH).get("invitation.subject", "Northwind"));
    }

    @Test
    void theReconnectNoticeKeepsItsApostrophesAndFillsEverything() {
        for (Language language : Language.values()) {
            MailTexts texts = new MailTexts(language);
            String body = texts.get("reconnect.body", "Ana", "Google (ana@gmail.com)", "Northwind", "401",
                    texts.get("reconnect.signInAgain", texts.get("provider.GOOGLE")), "https://x/portal");
            assertFalse(body.contains("{") || body.contains("}"), body);
            assertTrue(body.contains("’"), "typographic apostrophes survive MessageFormat: " + body);
            assertTrue(body.contains("https://x/portal"), body);
        }
    }
}
