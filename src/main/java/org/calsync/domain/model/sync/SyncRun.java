package org.calsync.domain.model.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.Language;

/**
 * One sync of one calendar: what came in, what went out, what failed, and why. What it did is kept as notes
 * (kinds with names and numbers), read in the reader's language; a failure keeps the server's own words for IT.
 */
public class SyncRun {

    public enum Outcome {
        OK,
        /** Finished, but some items were skipped. */
        PARTIAL,
        /** The mass-deletion guard held the changes back. */
        HELD,
        /** The organisation's rules (integration off, this kind not allowed, the role's permission) stop syncing. */
        PAUSED,
        FAILED
    }

    /** What a run moved and asked: changes in and out, items that failed, requests to the server. */
    public record Counts(int changesIn, int changesOut, int errors, int requests) {
        public static final Counts NONE = new Counts(0, 0, 0, 0);
        /** A run that failed before anything was read. */
        public static final Counts ONE_ERROR = new Counts(0, 0, 1, 0);

        public static Counts requests(int requests) {
            return new Counts(0, 0, 0, requests);
        }
    }

    private static final int FAILURE_LIMIT = 2000;

    private String id;
    private String tenantId;
    private String accountId;
    private String calendarId;
    private Instant startedAt;
    private Instant finishedAt;
    private int changesIn;
    private int changesOut;
    private int errors;
    private int requests;
    private Outcome outcome;
    private List<SyncNote> notes = new ArrayList<>();
    /** A failure's technical text, as the server or the network gave it; null when nothing failed. */
    private String failure;
    /** What kind of failure it was; null when nothing failed. */
    private FailureKind failureKind;

    protected SyncRun() {
        // for JPA
    }

    private SyncRun(TenantId tenantId, String accountId, String calendarId, Instant startedAt, Counts counts,
            Outcome outcome, List<SyncNote> notes, FailureKind failureKind, String failure) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId.value();
        this.accountId = accountId;
        this.calendarId = calendarId;
        this.startedAt = startedAt;
        this.finishedAt = Instant.now();
        this.changesIn = counts.changesIn();
        this.changesOut = counts.changesOut();
        this.errors = counts.errors();
        this.requests = counts.requests();
        this.outcome = outcome;
        this.notes = new ArrayList<>(notes);
        this.failureKind = failureKind;
        this.failure = failure == null ? null : failure.substring(0, Math.min(failure.length(), FAILURE_LIMIT));
    }

    /** A run that finished, with what it did and decided. */
    public static SyncRun finished(TenantId tenantId, String accountId, String calendarId, Instant startedAt,
            Counts counts, Outcome outcome, List<SyncNote> notes) {
        return new SyncRun(tenantId, accountId, calendarId, startedAt, counts, outcome, notes, null, null);
    }

    /** A run that failed, with the kind of failure and the technical text of why. */
    public static SyncRun failed(TenantId tenantId, String accountId, String calendarId, Instant startedAt,
            Counts counts, FailureKind kind, String failure) {
        return new SyncRun(tenantId, accountId, calendarId, startedAt, counts, Outcome.FAILED, List.of(), kind,
                failure);
    }

    /** Whether the run says this, such as that another sync of the calendar finished first. */
    public boolean says(SyncNote.Kind kind) {
        return notes.stream().anyMatch(note -> note.kind() == kind);
    }

    public List<SyncNote> notes() {
        return List.copyOf(notes);
    }

    /** What the run did and decided, in this language; empty when there is nothing to say beyond its outcome. */
    public String summary(Language language) {
        return notes.stream().map(note -> note.text(language)).collect(Collectors.joining(" "));
    }

    /** What the run did in this language or, when it failed, the failure's own words; null when it says nothing. */
    public String whatHappened(Language language) {
        String summary = summary(language);
        return failure != null ? failure : summary.isEmpty() ? null : summary;
    }

    /** The technical side, for IT: why it failed, or which items were skipped and why; null when there is none. */
    public String detail() {
        if (failure != null) {
            return failure;
        }
        String skipped = notes.stream().filter(note -> note.kind() == SyncNote.Kind.SKIPPED).map(SyncNote::detail)
                .filter(Objects::nonNull).collect(Collectors.joining(" "));
        return skipped.isEmpty() ? null : skipped;
    }

    public String id() {
        return id;
    }

    public TenantId tenantId() {
        return new TenantId(tenantId);
    }

    public String accountId() {
        return accountId;
    }

    public String calendarId() {
        return calendarId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public int changesIn() {
        return changesIn;
    }

    public int changesOut() {
        return changesOut;
    }

    public int errors() {
        return errors;
    }

    public int requests() {
        return requests;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String failure() {
        return failure;
    }

    /** What kind of failure it was; null when nothing failed. */
    public FailureKind failureKind() {
        return failureKind;
    }
}
