package org.calsync.domain.model.session;

import java.time.Instant;
import java.util.Objects;

/**
 * A person's latest answer to a session, when they gave it and where. Immutable: a new answer replaces it. An
 * answer older than the one recorded is ignored, so that replies read out of order leave the newest in place.
 */
public class ResponseRecord {

    private AttendanceResponse response;
    private Instant respondedAt;
    private ResponseChannel respondedVia;

    protected ResponseRecord() {
        // for JPA
    }

    private ResponseRecord(AttendanceResponse response, Instant at, ResponseChannel via) {
        this.response = response;
        this.respondedAt = at;
        this.respondedVia = via;
    }

    public static ResponseRecord none() {
        return new ResponseRecord(AttendanceResponse.NO_ANSWER, null, null);
    }

    /** No answer since {@code at}: a reply stamped before then answered an earlier version of the session. */
    public static ResponseRecord askedAgain(Instant at) {
        return new ResponseRecord(AttendanceResponse.NO_ANSWER, Objects.requireNonNull(at), null);
    }

    public static ResponseRecord given(AttendanceResponse response, Instant at, ResponseChannel via) {
        return new ResponseRecord(Objects.requireNonNull(response), Objects.requireNonNull(at), Objects.requireNonNull(via));
    }

    /** Whether this answer should replace the recorded one: it was given after it (the same reply read twice is not). */
    boolean supersedes(ResponseRecord recorded) {
        return recorded == null || recorded.respondedAt == null || respondedAt.isAfter(recorded.respondedAt);
    }

    public AttendanceResponse response() {
        return response == null ? AttendanceResponse.NO_ANSWER : response;
    }

    /** When the person answered, or when the session changed time and asked again; null before either. */
    public Instant respondedAt() {
        return respondedAt;
    }

    /** Where they answered; null before any answer. */
    public ResponseChannel respondedVia() {
        return respondedVia;
    }
}
