package org.calsync.domain.model.sync;

import java.io.Serializable;
import java.text.MessageFormat;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;
import java.util.ResourceBundle;

import org.calsync.domain.shared.Language;

/**
 * One thing a sync did or decided, stored as its kind and the names and numbers it speaks of, never as a
 * sentence: the sync log, an alert and a held calendar are read in the reader's language, whatever language
 * the sync ran in. The sentences are in {@code notes.properties} beside this class, one per kind.
 */
public final class SyncNote implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** An event CalSync wrote was deleted in the calendar and written back. */
        DELETED_WRITTEN_BACK,
        /** An event CalSync wrote was edited in the calendar (not moved) and written back. */
        EDITED_WRITTEN_BACK,
        /** {@code who} moved an event but does not own the session: written back. */
        MOVED_BY_NON_OWNER,
        /** An instructor ({@code who}) deleted the event of a session they teach: written back, an admin asked. */
        INSTRUCTOR_DELETED,
        /** {@code who} deleted the event of {@code subject} in time and was unregistered. */
        LEARNER_UNREGISTERED,
        /** {@code who} deleted the event after the cancellation deadline: written back, an admin asked. */
        LATE_CANCELLATION,
        /** {@code who} moved {@code subject}, which they own: it now starts {@code at}. */
        SESSION_MOVED,
        /** {@code count} events could not be read; {@code detail} names them and why. */
        SKIPPED,
        /** The guard held a sync that would have emptied the calendar of its {@code total} events. */
        HELD_EMPTYING,
        /** The guard held a sync that would have removed {@code count} of {@code total} events at once. */
        HELD_REMOVING,
        /** Another sync of the calendar finished first. */
        SUPERSEDED,
        /** The organisation's rules (integration off, this kind not allowed, the role's permission) pause the account. */
        PAUSED,
        /** An admin approved {@code who}'s late cancellation of {@code subject}. */
        CANCELLATION_APPROVED,
        /** An admin refused {@code who}'s late cancellation of {@code subject}; they were told. */
        CANCELLATION_REFUSED,
        /** An admin released a held calendar. */
        CALENDAR_RELEASED,
        /** A sentence stored before notes had kinds, in {@code detail}, shown as it was written. */
        RECORDED_EARLIER,
        /** Alert: instructor {@code who} deleted {@code subject} from their calendar and is still assigned. */
        ALERT_INSTRUCTOR_DELETED,
        /** Alert: learner {@code who} deleted {@code subject} after the deadline and is still registered. */
        ALERT_LATE_CANCELLATION,
        /** Alert: instructor {@code who} declined {@code subject} and is still assigned. */
        ALERT_INSTRUCTOR_DECLINED,
        /** Alert: learner {@code who} declined {@code subject} after the deadline and is still registered. */
        ALERT_LATE_DECLINE,
        /** Alert: {@code who}'s calendar {@code subject} is held; it would have been emptied of {@code total} events. */
        ALERT_HELD_EMPTYING,
        /** Alert: {@code who}'s calendar {@code subject} is held; {@code count} of {@code total} events would go. */
        ALERT_HELD_REMOVING
    }

    private static final int TEXT_LIMIT = 300;
    private static final int DETAIL_LIMIT = 2000;

    private Kind kind;
    private String who;
    private String subject;
    private LocalDateTime at;
    private Integer count;
    private Integer total;
    private String detail;

    protected SyncNote() {
        // for JPA
    }

    private SyncNote(Kind kind, String who, String subject, LocalDateTime at, Integer count, Integer total, String detail) {
        this.kind = Objects.requireNonNull(kind);
        this.who = cut(who, TEXT_LIMIT);
        this.subject = cut(subject, TEXT_LIMIT);
        this.at = at;
        this.count = count;
        this.total = total;
        this.detail = cut(detail, DETAIL_LIMIT);
    }

    public static SyncNote of(Kind kind) {
        return new SyncNote(kind, null, null, null, null, null, null);
    }

    /** A note about what a person did. */
    public static SyncNote by(Kind kind, String who) {
        return new SyncNote(kind, who, null, null, null, null, null);
    }

    /** A note about what a person did to a session (or, for a held calendar, to which calendar). */
    public static SyncNote by(Kind kind, String who, String subject) {
        return new SyncNote(kind, who, subject, null, null, null, null);
    }

    public static SyncNote sessionMoved(String who, String session, LocalDateTime startsAt) {
        return new SyncNote(Kind.SESSION_MOVED, who, session, startsAt, null, null, null);
    }

    /** A sentence stored before notes had kinds, kept as it was written. */
    public static SyncNote recordedEarlier(String sentence) {
        return new SyncNote(Kind.RECORDED_EARLIER, null, null, null, null, null, sentence);
    }

    public static SyncNote skipped(int count, String which) {
        return new SyncNote(Kind.SKIPPED, null, null, null, count, null, which);
    }

    /** The mass-deletion guard stopped a sync that would have emptied the calendar of its {@code total} events. */
    public static SyncNote heldEmptying(int total) {
        return new SyncNote(Kind.HELD_EMPTYING, null, null, null, total, total, null);
    }

    /** The mass-deletion guard stopped a sync that would have removed {@code removing} of {@code total} events. */
    public static SyncNote heldRemoving(int removing, int total) {
        return new SyncNote(Kind.HELD_REMOVING, null, null, null, removing, total, null);
    }

    /** The admin's alert for this hold, naming the calendar and its owner. */
    public SyncNote asAlert(String owner, String calendar) {
        if (kind != Kind.HELD_EMPTYING && kind != Kind.HELD_REMOVING) {
            throw new IllegalStateException("Only a hold becomes a held-calendar alert, not " + kind);
        }
        return new SyncNote(kind == Kind.HELD_EMPTYING ? Kind.ALERT_HELD_EMPTYING : Kind.ALERT_HELD_REMOVING, owner,
                calendar, null, count, total, null);
    }

    /** The sentence in this language. */
    public String text(Language language) {
        ResourceBundle sentences = ResourceBundle.getBundle("org.calsync.domain.model.sync.notes", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String day = at == null ? "" : at.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                .withLocale(language.locale()));
        String time = at == null ? "" : at.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(language.locale()));
        return new MessageFormat(sentences.getString(kind.name()), language.locale())
                .format(new Object[] { named(who), named(subject), day, count, total, detail, time });
    }

    public Kind kind() {
        return kind;
    }

    /** The person the note speaks of, as they were named when it was written. */
    public String who() {
        return who;
    }

    /** The session (or, for a hold, the calendar) the note speaks of, as it was named when it was written. */
    public String subject() {
        return subject;
    }

    /** Names and reasons as the server gave them (skipped items), shown beside the sentence for IT; may be null. */
    public String detail() {
        return detail;
    }

    /** A name lost with its person or session reads as a dash, never as "null". */
    private static String named(String name) {
        return name == null ? "—" : name;
    }

    private static String cut(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SyncNote note && kind == note.kind && Objects.equals(who, note.who)
                && Objects.equals(subject, note.subject) && Objects.equals(at, note.at)
                && Objects.equals(count, note.count) && Objects.equals(total, note.total)
                && Objects.equals(detail, note.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, who, subject, at, count, total, detail);
    }

    @Override
    public String toString() {
        return text(Language.ENGLISH);
    }
}
