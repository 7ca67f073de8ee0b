package org.calsync.domain.model.tenant;

/** How CalSync signs in to Exchange for a tenant; pages name the modes ({@code exchange.authMode.<NAME>}). */
public enum ExchangeAuthMode {
    /** One service account with the ApplicationImpersonation role acts for every person by SMTP address. */
    SERVICE_ACCOUNT_IMPERSONATION,
    /** Each person enters their own domain user and password in the portal. */
    PER_USER
}
