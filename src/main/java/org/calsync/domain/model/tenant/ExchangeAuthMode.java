package org.calsync.domain.model.tenant;

/** How CalSync signs in to Exchange for a tenant. */
public enum ExchangeAuthMode {
    /** One service account with the ApplicationImpersonation role acts for every person by SMTP address. */
    SERVICE_ACCOUNT_IMPERSONATION("Service account with impersonation"),
    /** Each person enters their own domain user and password in the portal. */
    PER_USER("Each person signs in");

    private final String label;

    ExchangeAuthMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
