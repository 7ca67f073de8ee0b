package org.calsync.domain.model.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.calsync.domain.model.calendar.Staff.StaffHeading;
import org.calsync.domain.shared.Language;
import org.junit.jupiter.api.Test;

/** The headings CalSync writes under a session's title follow the calendar owner's language. */
class EventLanguageTest {

    private static OutgoingEvent event(StaffHeading heading, Language language) {
        return new OutgoingEvent("uid-1", 0, "Budget",
                new EventTime(Instant.parse("2026-12-09T09:00:00Z"), Instant.parse("2026-12-09T11:00:00Z"),
                ZoneId.of("Europe/Paris")), "Room 2", URI.create("https://meet.example.org/a"),
                new EventDetails("Bring a laptop", new Staff(List.of("Tom Becker"), heading),
                URI.create("https://calsync.example.org/portal/index.xhtml?date=2026-12-09"), language));
    }

    @Test
    void englishIsTheDefaultAndFrenchUsesFrenchHeadingsAndSpacing() {
        assertEquals("""
                Bring a laptop

                Join online: https://meet.example.org/a

                Instructors: Tom Becker

                Session details: https://calsync.example.org/portal/index.xhtml?date=2026-12-09""",
                event(StaffHeading.INSTRUCTORS, Language.ENGLISH).notes());
        assertEquals("""
                Bring a laptop

                Rejoindre en ligne\u00a0: https://meet.example.org/a

                Animent aussi\u00a0: Tom Becker

                Détails de la session\u00a0: https://calsync.example.org/portal/index.xhtml?date=2026-12-09""",
                event(StaffHeading.ALSO_TEACHING, Language.FRENCH).notes());
    }

    @Test
    void languagesAreKnownByTheirCodes() {
        assertEquals(Language.FRENCH, Language.ofCode("fr-CA").orElseThrow());
        assertEquals(Language.ENGLISH, Language.ofCode("EN").orElseThrow());
        assertEquals(true, Language.ofCode("de").isEmpty());
        assertEquals(true, Language.ofCode(" ").isEmpty());
    }
}
