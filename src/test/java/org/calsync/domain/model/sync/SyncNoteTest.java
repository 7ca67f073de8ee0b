package org.calsync.domain.model.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyncNoteTest {

    /** One note of each kind, with every name and number its sentence may use. */
    private static final Map<SyncNote.Kind, SyncNote> EXAMPLES = Map.ofEntries(
            Map.entry(SyncNote.Kind.DELETED_WRITTEN_BACK, SyncNote.of(SyncNote.Kind.DELETED_WRITTEN_BACK)),
            Map.entry(SyncNote.Kind.EDITED_WRITTEN_BACK, SyncNote.of(SyncNote.Kind.EDITED_WRITTEN_BACK)),
            Map.entry(SyncNote.Kind.MOVED_BY_NON_OWNER, SyncNote.by(SyncNote.Kind.MOVED_BY_NON_OWNER, "Léo")),
            Map.entry(SyncNote.Kind.INSTRUCTOR_DELETED, SyncNote.by(SyncNote.Kind.INSTRUCTOR_DELETED, "Tom")),
            Map.entry(SyncNote.Kind.LEARNER_UNREGISTERED, SyncNote.by(SyncNote.Kind.LEARNER_UNREGISTERED, "Léo", "Excel")),
            Map.entry(SyncNote.Kind.LATE_CANCELLATION, SyncNote.by(SyncNote.Kind.LATE_CANCELLATION, "Léo")),
            Map.entry(SyncNote.Kind.SESSION_MOVED, SyncNote.sessionMoved("Tom", "Excel", LocalDateTime.of(2027, 3, 2, 14, 30))),
            Map.entry(SyncNote.Kind.SKIPPED, SyncNote.skipped(2, "a.ics (ends before it starts)")),
            Map.entry(SyncNote.Kind.HELD_EMPTYING, SyncNote.heldEmptying(4)),
            Map.entry(SyncNote.Kind.HELD_REMOVING, SyncNote.heldRemoving(7, 9)),
            Map.entry(SyncNote.Kind.SUPERSEDED, SyncNote.of(SyncNote.Kind.SUPERSEDED)),
            Map.entry(SyncNote.Kind.PAUSED, SyncNote.of(SyncNote.Kind.PAUSED)),
            Map.entry(SyncNote.Kind.CANCELLATION_APPROVED, SyncNote.by(SyncNote.Kind.CANCELLATION_APPROVED, "Léo", "Excel")),
            Map.entry(SyncNote.Kind.CANCELLATION_REFUSED, SyncNote.by(SyncNote.Kind.CANCELLATION_REFUSED, "Léo", "Excel")),
            Map.entry(SyncNote.Kind.CALENDAR_RELEASED, SyncNote.of(SyncNote.Kind.CALENDAR_RELEASED)),
            Map.entry(SyncNote.Kind.ALERT_INSTRUCTOR_DELETED, SyncNote.by(SyncNote.Kind.ALERT_INSTRUCTOR_DELETED, "Tom", "Excel")),
            Map.entry(SyncNote.Kind.ALERT_LATE_CANCELLATION, SyncNote.by(SyncNote.Kind.ALERT_LATE_CANCELLATION, "Léo", "Excel")),
            Map.entry(SyncNote.Kind.ALERT_INSTRUCTOR_DECLINED, SyncNote.by(SyncNote.Kind.ALERT_INSTRUCTOR_DECLINED, "Tom", "Excel")),
            Map.entry(SyncNote.Kind.ALERT_LATE_DECLINE, SyncNote.by(SyncNote.Kind.ALERT_LATE_DECLINE, "Léo", "Excel")),
            Map.entry(SyncNote.Kind.ALERT_HELD_EMPTYING, SyncNote.heldEmptying(4).asAlert("Tom", "Work")),
            Map.entry(SyncNote.Kind.ALERT_HELD_REMOVING, SyncNote.heldRemoving(7, 9).asAlert("Tom", "Work")),
            Map.entry(SyncNote.Kind.RECORDED_EARLIER, SyncNote.recordedEarlier("Held back: it's an old sentence {0}.")));

    @ParameterizedTest
    @EnumSource(SyncNote.Kind.class)
    void everyKindReadsAsASentenceInEveryLanguage(SyncNote.Kind kind) {
        SyncNote note = EXAMPLES.get(kind);
        assertEquals(kind, note.kind(), "the example is of its kind");
        String english = note.text(Language.ENGLISH);
        String french = note.text(Language.FRENCH);
        for (String text : List.of(english, french)) {
            assertFalse(text.isBlank() || text.contains("{") && kind != SyncNote.Kind.RECORDED_EARLIER
                    || text.contains("null"), text);
        }
        if (kind != SyncNote.Kind.RECORDED_EARLIER) {
            assertFalse(english.equals(french), "French differs from English: " + english);
        }
    }

    @Test
    void namesNumbersAndTimesAreWordedForTheReader() {
        assertEquals("An event was moved by Tom: \"Excel\" now starts Tuesday, March 2, 2027 at 2:30 PM.",
                EXAMPLES.get(SyncNote.Kind.SESSION_MOVED).text(Language.ENGLISH).replace('\u202f', ' '));
        assertEquals("Un événement a été déplacé par Tom : «\u00a0Excel\u00a0» commence désormais le mardi 2 mars 2027 à 14:30.",
                EXAMPLES.get(SyncNote.Kind.SESSION_MOVED).text(Language.FRENCH).replace('\u202f', ' '));
        assertTrue(SyncNote.heldRemoving(7, 9).text(Language.ENGLISH).contains("remove 7 of 9 events at once"));
        assertTrue(SyncNote.heldEmptying(1).text(Language.ENGLISH).contains("removing its only event"));
        assertTrue(SyncNote.heldEmptying(4).text(Language.FRENCH).contains("en supprimant ses 4 événements"));
        assertEquals("Tom's calendar \"Work\" is held: this sync would remove 7 of 9 events at once. Check the calendar,"
                + " then release it.", EXAMPLES.get(SyncNote.Kind.ALERT_HELD_REMOVING).text(Language.ENGLISH));
        assertTrue(SyncNote.skipped(1, "x").text(Language.ENGLISH).startsWith("One event could not be read"));
        assertTrue(SyncNote.skipped(3, "x").text(Language.FRENCH).startsWith("3 événements n’ont pas pu être lus"));
        assertEquals("Held back: it's an old sentence {0}.",
                EXAMPLES.get(SyncNote.Kind.RECORDED_EARLIER).text(Language.FRENCH), "an earlier sentence is kept as written");
        assertTrue(SyncNote.by(SyncNote.Kind.MOVED_BY_NON_OWNER, null).text(Language.ENGLISH).contains("by —,"),
                "a lost name reads as a dash");
    }

    @Test
    void onlyAHoldBecomesAHeldCalendarAlert() {
        assertThrows(IllegalStateException.class, () -> SyncNote.of(SyncNote.Kind.SUPERSEDED).asAlert("Tom", "Work"));
    }

    @Test
    void aRunSaysWhatItDidInTheReadersLanguageAndKeepsTheTechnicalSideApart() {
        TenantId tenant = new TenantId("t-1");
        SyncRun partial = SyncRun.finished(tenant, "a-1", "c-1", Instant.now(), new SyncRun.Counts(1, 0, 1, 2),
                SyncRun.Outcome.PARTIAL, List.of(EXAMPLES.get(SyncNote.Kind.SESSION_MOVED),
                        SyncNote.skipped(1, "bad.ics (ends before it starts)")));
        assertTrue(partial.summary(Language.FRENCH).startsWith("Un événement a été déplacé par Tom"));
        assertTrue(partial.summary(Language.FRENCH).endsWith("Un événement n’a pas pu être lu et a été laissé de côté."));
        assertEquals("bad.ics (ends before it starts)", partial.detail());
        assertEquals(partial.summary(Language.FRENCH), partial.whatHappened(Language.FRENCH));
        assertFalse(partial.says(SyncNote.Kind.SUPERSEDED));

        SyncRun failed = SyncRun.failed(tenant, "a-1", "c-1", Instant.now(), SyncRun.Counts.ONE_ERROR, FailureKind.BUSY,
                "HTTP 503");
        assertEquals("", failed.summary(Language.ENGLISH));
        assertEquals("HTTP 503", failed.detail());
        assertEquals(FailureKind.BUSY, failed.failureKind());
        assertEquals("HTTP 503", failed.whatHappened(Language.FRENCH), "a failure says what the server said");
        assertEquals(SyncRun.Outcome.FAILED, failed.outcome());
    }
}
