package org.calsync.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;

import org.calsync.domain.shared.Language;

/** The tenant the current API request acts for, set by {@link ApiKeyFilter} from the presented key. */
@RequestScoped
public class ApiCaller {

    private String tenantId;

    void authenticatedAs(String tenant) {
        this.tenantId = tenant;
    }

    public String tenantId() {
        if (tenantId == null) {
            throw new IllegalStateException("API request without an authenticated tenant");
        }
        return tenantId;
    }

    /** The API answers in English, its field errors as much as its sync notes; the pages speak the reader's. */
    public Language language() {
        return Language.ENGLISH;
    }
}
