package org.calsync.domain.model.tenant;

import java.time.Instant;
import java.util.Objects;

/** That a person accepted their organisation's {@link LinkTerms}: when, and which version. */
public class LinkTermsAcceptance {

    private String personId;
    private String tenantId;
    private Instant acceptedAt;
    private Instant termsChangedAt;

    protected LinkTermsAcceptance() {
        // for JPA
    }

    public LinkTermsAcceptance(String personId, LinkTerms terms, Instant at) {
        this.personId = Objects.requireNonNull(personId);
        this.tenantId = terms.tenantId().value();
        accept(terms, at);
    }

    /** Accepts the current version; accepting it again keeps the first time. */
    public void accept(LinkTerms terms, Instant at) {
        if (!terms.acceptedIn(this)) {
            this.termsChangedAt = terms.changedAt();
            this.acceptedAt = Objects.requireNonNull(at);
        }
    }

    public String personId() {
        return personId;
    }

    public TenantId tenantId() {
        return new TenantId(tenantId);
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public Instant termsChangedAt() {
        return termsChangedAt;
    }
}
