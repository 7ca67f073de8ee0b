package org.calsync.domain.model.tenant;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.calsync.domain.shared.Language;
import org.calsync.domain.shared.Validation;

/** An organisation using CalSync. Everything else belongs to exactly one tenant. */
public class Tenant {

    private String id;
    private String name;
    private IntegrationSettings settings;
    private RetentionPolicy retention;
    private InvitationMailSettings invitationMail;
    private Language language;
    private Instant createdAt;
    private long version;

    protected Tenant() {
        // for JPA
    }

    public Tenant(String name) {
        Validation validation = new Validation();
        this.name = validation.required("name", name, 200, "label.name");
        validation.throwIfInvalid();
        this.id = UUID.randomUUID().toString();
        this.settings = IntegrationSettings.defaults();
        this.retention = RetentionPolicy.defaults();
        this.invitationMail = InvitationMailSettings.defaults();
        this.language = Language.ENGLISH;
        this.createdAt = Instant.now();
    }

    public TenantId id() {
        return new TenantId(id);
    }

    public String name() {
        return name;
    }

    public IntegrationSettings settings() {
        return settings;
    }

    public void changeSettings(IntegrationSettings newSettings) {
        this.settings = Objects.requireNonNull(newSettings);
    }

    /** The language of emails and calendar events for people who have not chosen their own. */
    public Language language() {
        return language == null ? Language.ENGLISH : language;
    }

    public void changeLanguage(Language newLanguage) {
        this.language = Objects.requireNonNull(newLanguage);
    }

    public RetentionPolicy retention() {
        return retention;
    }

    public void changeRetention(RetentionPolicy newRetention) {
        this.retention = Objects.requireNonNull(newRetention);
    }

    /** Whether sessions go out as email invitations, from whom and to whom. */
    public InvitationMailSettings invitationMail() {
        return invitationMail == null ? InvitationMailSettings.defaults() : invitationMail;
    }

    public void changeInvitationMail(InvitationMailSettings newSettings) {
        this.invitationMail = Objects.requireNonNull(newSettings);
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tenant tenant && id.equals(tenant.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
