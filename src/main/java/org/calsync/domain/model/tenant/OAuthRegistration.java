package org.calsync.domain.model.tenant;

import java.time.Instant;
import java.util.Objects;

import org.calsync.domain.shared.Validation;

/**
 * A tenant's app registration with an OAuth provider: Microsoft Entra (directory id, client id, secret) or
 * Google (client id, secret). The client secret is kept encrypted; this class never sees it in clear.
 * {@code organisationWide} (for kinds whose applications act for a directory: Microsoft) means application
 * permissions: CalSync reaches every mailbox of the directory by address, as EWS impersonation does, and nobody
 * connects individually. {@code watchChanges}
 * means CalSync watches each synced calendar: the provider notifies CalSync when a calendar changes; it needs an address the provider can reach,
 * so it is off until an admin turns it on.
 */
public class OAuthRegistration {

    /** A registration's identity: tenant and provider (JPA's id class, so a plain class with a no-arg constructor). */
    public static class Key implements java.io.Serializable {

        private static final long serialVersionUID = 1L;
        private String tenantId;
        private CalendarProviderType provider;

        protected Key() {
            // for JPA
        }

        public Key(String tenantId, CalendarProviderType provider) {
            this.tenantId = tenantId;
            this.provider = provider;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenantId, key.tenantId) && provider == key.provider;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, provider);
        }
    }

    private String tenantId;
    private CalendarProviderType provider;
    private String directoryId;
    private String clientId;
    private String clientSecret;
    private boolean organisationWide;
    private boolean watchChanges;
    private String watchProblem;
    private Instant updatedAt;
    private long version;

    protected OAuthRegistration() {
        // for JPA
    }

    public OAuthRegistration(TenantId tenantId, CalendarProviderType provider) {
        this.tenantId = tenantId.value();
        this.provider = Objects.requireNonNull(provider, "provider");
        this.updatedAt = Instant.now();
    }

    /**
     * What an administrator enters for a registration.
     *
     * @param directoryId the directory (Entra tenant) the application belongs to, for kinds whose applications
     *        act for a whole organisation
     */
    public record Details(String directoryId, String clientId, boolean organisationWide, boolean watchChanges) {
    }

    /**
     * Replaces the registration; a null {@code newSecretCipher} keeps the stored secret.
     *
     * @param actsForOrganisation whether this kind's applications belong to a directory and may reach every
     *        calendar in it (Microsoft Entra): only those name a directory and offer organisation-wide access
     */
    public void change(Details details, String newSecretCipher, boolean actsForOrganisation) {
        Validation validation = new Validation();
        String directory = blankToNull(details.directoryId());
        String client = blankToNull(details.clientId());
        validation.check(!actsForOrganisation || directory != null && directory.matches("[A-Za-z0-9.-]{3,100}"),
                "directoryId", "oauth.directoryRequired");
        validation.check(client != null && client.length() <= 200 && !client.contains(" "), "clientId",
                "oauth.clientIdRequired");
        validation.check(newSecretCipher != null || clientSecret != null, "clientSecret", "oauth.clientSecretRequired");
        validation.check(!details.organisationWide() || actsForOrganisation, "organisationWide",
                "oauth.noOrganisationWide");
        validation.throwIfInvalid();
        this.directoryId = actsForOrganisation ? directory : null;
        this.clientId = client;
        if (newSecretCipher != null) {
            this.clientSecret = newSecretCipher;
        }
        this.organisationWide = details.organisationWide();
        this.watchChanges = details.watchChanges();
        this.updatedAt = Instant.now();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public TenantId tenantId() {
        return new TenantId(tenantId);
    }

    public CalendarProviderType provider() {
        return provider;
    }

    public String directoryId() {
        return directoryId;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecretCipher() {
        return clientSecret;
    }

    public boolean organisationWide() {
        return organisationWide;
    }

    /** Whether changes come back through watches as well as the hourly pull. */
    public boolean watchChanges() {
        return watchChanges;
    }

    /** What the last upkeep of the watches could not do; null when it all went well. */
    public String watchProblem() {
        return watchProblem;
    }

    public void noteWatchProblem(String problem) {
        this.watchProblem = problem == null || problem.length() <= 2000 ? problem : problem.substring(0, 1997) + "...";
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OAuthRegistration r && tenantId.equals(r.tenantId) && provider == r.provider;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, provider);
    }
}
