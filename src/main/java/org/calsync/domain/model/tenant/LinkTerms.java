package org.calsync.domain.model.tenant;

import java.time.Instant;
import java.util.Objects;

import org.calsync.domain.shared.Validation;

/**
 * Terms a tenant asks people to accept before they link a calendar (what CalSync will write and read, say, or the
 * organisation's own policy). Changing the text makes a new version, which people accept again before their next
 * link; whitespace-only edits are no change.
 */
public class LinkTerms {

    public static final int MAX_LENGTH = 20_000;

    private String tenantId;
    private String text;
    private Instant changedAt;
    private long version;

    protected LinkTerms() {
        // for JPA
    }

    public LinkTerms(TenantId tenantId, String text, Instant at) {
        this.tenantId = tenantId.value();
        change(text, at);
    }

    /** Replaces the text; only a different text is a new version. */
    public void change(String newText, Instant at) {
        String stripped = newText == null ? "" : newText.strip();
        Validation validation = new Validation();
        validation.check(!stripped.isEmpty(), "text", "terms.textRequired");
        validation.check(stripped.length() <= MAX_LENGTH, "text", "terms.textTooLong", MAX_LENGTH);
        validation.throwIfInvalid();
        if (!stripped.equals(text)) {
            this.text = stripped;
            this.changedAt = Objects.requireNonNull(at);
        }
    }

    /** A person's acceptance counts if it was given to this version of the text. */
    public boolean acceptedIn(LinkTermsAcceptance acceptance) {
        return acceptance != null && changedAt.equals(acceptance.termsChangedAt());
    }

    public TenantId tenantId() {
        return new TenantId(tenantId);
    }

    public String text() {
        return text;
    }

    /** When the current version was written: it names the version. */
    public Instant changedAt() {
        return changedAt;
    }
}
