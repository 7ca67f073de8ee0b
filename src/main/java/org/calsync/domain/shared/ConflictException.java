package org.calsync.domain.shared;

/** The request is well formed but clashes with what is already stored (a duplicate, a cancelled session). */
public class ConflictException extends RuntimeException {

    private final String field;
    private final Message text;

    /** Worded by a key of the domain's bundle; the exception's own message is the English text. */
    public ConflictException(String field, String key, Object... arguments) {
        this(field, Message.of(key, arguments));
    }

    private ConflictException(String field, Message text) {
        super(text.english());
        this.field = field;
        this.text = text;
    }

    public String field() {
        return field;
    }

    public Message text() {
        return text;
    }
}
