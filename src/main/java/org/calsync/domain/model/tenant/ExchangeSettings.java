package org.calsync.domain.model.tenant;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.calsync.domain.shared.Validation;

/**
 * How a tenant reaches its on-premise Exchange: the EWS address (or an address to autodiscover it from),
 * the release, how CalSync signs in, and an optional private CA to trust. The service account's password
 * is kept encrypted; this class never sees it in clear.
 */
public class ExchangeSettings {

    public enum AuthScheme {
        BASIC,
        NTLM
    }

    private String tenantId;
    private String ewsUrl;
    private String autodiscoverEmail;
    private String discoveredEwsUrl;
    private ExchangeServerVersion serverVersion;
    private ExchangeAuthMode authMode;
    private AuthScheme authScheme;
    private String serviceUsername;
    private String serviceSecret;
    private String trustedCertificates;
    /** Changes come over streaming notifications, within seconds, besides the hourly pull. */
    private boolean streamChanges = true;
    private Instant updatedAt;
    private long version;

    protected ExchangeSettings() {
        // for JPA
    }

    public ExchangeSettings(TenantId tenantId) {
        this.tenantId = tenantId.value();
        this.serverVersion = ExchangeServerVersion.EXCHANGE_2016;
        this.authMode = ExchangeAuthMode.SERVICE_ACCOUNT_IMPERSONATION;
        this.authScheme = AuthScheme.NTLM;
        this.updatedAt = Instant.now();
    }

    /**
     * Replaces the settings. A null {@code newServiceSecretCipher} keeps the stored password, so that a form
     * need never show it; a new one comes encrypted.
     */
    public void change(String ewsUrl, String autodiscoverEmail, ExchangeServerVersion serverVersion,
            ExchangeAuthMode authMode, AuthScheme authScheme, String serviceUsername, String newServiceSecretCipher,
            String trustedCertificates) {
        Validation validation = new Validation();
        String url = blankToNull(ewsUrl);
        String email = blankToNull(autodiscoverEmail);
        validation.check(url != null || email != null, "ewsUrl", "exchange.addressRequired");
        validation.check(url == null || Validation.isServerAddress(url), "ewsUrl", "exchange.addressInvalid");
        validation.check(email == null || email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), "autodiscoverEmail", "exchange.emailInvalid");
        validation.check(serverVersion != null, "serverVersion", "exchange.versionRequired");
        validation.check(authMode != null, "authMode", "exchange.authModeRequired");
        validation.check(authScheme != null, "authScheme", "exchange.schemeRequired");
        boolean serviceAccount = authMode == ExchangeAuthMode.SERVICE_ACCOUNT_IMPERSONATION;
        validation.check(!serviceAccount || blankToNull(serviceUsername) != null, "serviceUsername", "exchange.serviceAccountRequired");
        validation.check(!serviceAccount || newServiceSecretCipher != null || serviceSecret != null, "servicePassword", "exchange.servicePasswordRequired");
        String pem = blankToNull(trustedCertificates);
        validation.check(pem == null || pem.contains("-----BEGIN CERTIFICATE-----"), "trustedCertificates", "exchange.certificatesInvalid");
        validation.throwIfInvalid();
        this.serverVersion = serverVersion;
        this.authMode = authMode;
        this.authScheme = authScheme;
        this.serviceUsername = serviceAccount ? serviceUsername.strip() : null;
        if (!serviceAccount) {
            this.serviceSecret = null;
        } else if (newServiceSecretCipher != null) {
            this.serviceSecret = newServiceSecretCipher;
        }
        if (url != null || !Objects.equals(email, this.autodiscoverEmail)) {
            this.discoveredEwsUrl = null;
        }
        this.ewsUrl = url;
        this.autodiscoverEmail = email;
        this.trustedCertificates = pem;
        this.updatedAt = Instant.now();
    }

    /** True when CalSync must find the EWS address through Autodiscover before it can reach Exchange. */
    public boolean needsAutodiscover() {
        return ewsUrl == null && discoveredEwsUrl == null;
    }

    /**
     * Keeps the address Autodiscover found; one typed by an admin always wins over it. Finding the same address
     * again changes nothing (streams opened with it stay open).
     */
    public void discovered(String ewsAddress) {
        if (ewsUrl == null && !ewsAddress.equals(discoveredEwsUrl)) {
            this.discoveredEwsUrl = ewsAddress;
            this.updatedAt = Instant.now();
        }
    }

    /** The address CalSync calls: the one typed, else the one discovered, else none yet. */
    public Optional<String> effectiveEwsUrl() {
        return Optional.ofNullable(ewsUrl != null ? ewsUrl : discoveredEwsUrl);
    }

    /** True when the address in use came from Autodiscover. */
    public boolean usesDiscoveredUrl() {
        return ewsUrl == null && discoveredEwsUrl != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public boolean usesServiceAccount() {
        return authMode == ExchangeAuthMode.SERVICE_ACCOUNT_IMPERSONATION;
    }

    public TenantId tenantId() {
        return new TenantId(tenantId);
    }

    /** The address an admin typed, if any. */
    public String ewsUrl() {
        return ewsUrl;
    }

    public String autodiscoverEmail() {
        return autodiscoverEmail;
    }

    public ExchangeServerVersion serverVersion() {
        return serverVersion;
    }

    public ExchangeAuthMode authMode() {
        return authMode;
    }

    public AuthScheme authScheme() {
        return authScheme;
    }

    public String serviceUsername() {
        return serviceUsername;
    }

    /** The service account's password as stored: encrypted. */
    public String serviceSecretCipher() {
        return serviceSecret;
    }

    public boolean hasServiceSecret() {
        return serviceSecret != null;
    }

    public String trustedCertificates() {
        return trustedCertificates;
    }

    public boolean streamChanges() {
        return streamChanges;
    }

    /** Turns streaming notifications on or off; off leaves the hourly pull and "Sync now". */
    public void streamChanges(boolean on) {
        if (streamChanges != on) {
            streamChanges = on;
            updatedAt = Instant.now();
        }
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExchangeSettings that && Objects.equals(tenantId, that.tenantId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(tenantId);
    }
}
