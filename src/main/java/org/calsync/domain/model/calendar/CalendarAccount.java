package org.calsync.domain.model.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.calsync.domain.model.person.Permission;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.IntegrationSettings;
import org.calsync.domain.model.tenant.PrivacyMode;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.InvalidInputException;

/** One external account a person linked, with its calendars. The secret is only ever held encrypted. */
public class CalendarAccount {

    private String id;
    private String tenantId;
    private String personId;
    private CalendarProviderType provider;
    private String serverUrl;
    private String username;
    private String secretCipher;
    private AccountStatus status;
    private String statusMessage;
    /** What kind of problem the status is, when it is one. */
    private FailureKind statusKind;
    private Instant statusSince;
    private PrivacyMode privacyMode;
    /** Whose account the sign-in was, where the provider says: an organisation's, or a personal one. */
    private SignInAudience signInAudience;
    private List<ExternalCalendar> calendars;
    private Instant createdAt;
    private long version;

    protected CalendarAccount() {
        // for JPA
    }

    public CalendarAccount(TenantId tenantId, String personId, CalendarProviderType provider, URI server,
            String username, String secretCipher, PrivacyMode privacyMode, List<RemoteCalendar> found) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId.value();
        this.personId = Objects.requireNonNull(personId);
        this.provider = Objects.requireNonNull(provider);
        this.serverUrl = server.toString();
        this.username = username;
        this.secretCipher = Objects.requireNonNull(secretCipher);
        this.privacyMode = privacyMode;
        this.createdAt = Instant.now();
        this.status = AccountStatus.CONNECTED;
        this.statusSince = createdAt;
        this.calendars = new ArrayList<>();
        found.forEach(remote -> calendars.add(new ExternalCalendar(this, remote)));
        // Sessions go to the first calendar that accepts events until the person chooses another.
        calendars.stream().filter(ExternalCalendar::writable).findFirst().ifPresent(first -> first.choose(true, true));
    }

    /** The calendar that receives sessions and the calendars checked for conflicts. */
    public void chooseCalendars(String targetCalendarId, Set<String> conflictCalendarIds) {
        Optional<ExternalCalendar> target = targetCalendarId == null ? Optional.empty() : calendar(targetCalendarId);
        if (targetCalendarId != null && target.isEmpty()) {
            throw new InvalidInputException("targetCalendarId", "calendars.notInAccount");
        }
        if (target.isPresent() && !target.get().writable()) {
            throw new InvalidInputException("targetCalendarId", "calendars.readOnly");
        }
        for (String id : conflictCalendarIds) {
            if (calendar(id).isEmpty()) {
                throw new InvalidInputException("conflictCalendarIds", "calendars.checkNotInAccount");
            }
        }
        calendars.forEach(c -> c.choose(target.isPresent() && c.equals(target.get()), conflictCalendarIds.contains(c.id())));
    }

    /** A new mode applies to what is already stored too: the next pull reads every calendar in full again. */
    public void changePrivacyMode(PrivacyMode mode) {
        if (Objects.requireNonNull(mode) != privacyMode) {
            privacyMode = mode;
            calendars.forEach(ExternalCalendar::forgetCursor);
        }
    }

    /** New credentials, already checked against the server, replace those that were refused. */
    public void reconnect(String newSecretCipher) {
        this.secretCipher = Objects.requireNonNull(newSecretCipher);
        markConnected();
    }

    /** Credentials renewed without anyone's action (a refreshed OAuth token); the status stays as it is. */
    public void renewSecret(String newSecretCipher) {
        this.secretCipher = Objects.requireNonNull(newSecretCipher);
    }

    /** The encrypted secret, for the few places that hand it on whole (revoking an OAuth grant). */
    public String secretCipher() {
        return secretCipher;
    }

    // While the account is being removed, what a late sync or push learns of it changes nothing.

    public void markConnected() {
        if (status != AccountStatus.REMOVING) {
            changeStatus(AccountStatus.CONNECTED, null, null);
        }
    }

    /**
     * A call to the server that was asked at {@code askedAt} succeeded. It clears a problem only when the
     * problem was seen before the call was asked: a refusal that a pull met after a push had already set off
     * is newer news than the push's success, and the owner must not be told twice.
     */
    public void markWorking(Instant askedAt) {
        if (statusSince == null || askedAt.isAfter(statusSince)) {
            markConnected();
        }
    }

    /** @return true when the account has only now stopped working, so that its owner is told once */
    public boolean markNeedsReconsent(String message) {
        if (status == AccountStatus.REMOVING) {
            return false;
        }
        boolean newly = status != AccountStatus.NEEDS_RECONSENT;
        changeStatus(AccountStatus.NEEDS_RECONSENT, FailureKind.SIGN_IN, message);
        return newly;
    }

    public void markError(FailureKind kind, String message) {
        if (status != AccountStatus.REMOVING) {
            changeStatus(AccountStatus.ERROR, kind, message);
        }
    }

    /** From now on nothing new is written here, so the events to delete are a list that no longer grows. */
    public void beginRemoval() {
        changeStatus(AccountStatus.REMOVING, FailureKind.REMOVING,
                "Being removed: CalSync is deleting the events it wrote here.");
    }

    /** The removal stopped (the server was unreachable); the account works as before until it is tried again. */
    public void removalStopped(FailureKind kind, String reason) {
        changeStatus(AccountStatus.ERROR, kind, "Removing stopped: " + reason + " Try again later.");
    }

    /** A problem seen again counts from now: only a call asked after it can clear it. */
    private void changeStatus(AccountStatus next, FailureKind kind, String message) {
        if (next != status || next != AccountStatus.CONNECTED) {
            statusSince = Instant.now();
        }
        status = next;
        statusKind = kind;
        statusMessage = message;
    }

    /** Whether the mass-deletion guard holds one of its calendars until an admin releases it. */
    public boolean held() {
        return calendars.stream().anyMatch(calendar -> calendar.hold().isPresent());
    }

    /**
     * Whether the organisation's rules let CalSync write to and read from this account now: calendar integration
     * on, this kind of calendar allowed, and the owner's role granting calendar integration. Asked at every push
     * and pull, not only when linking, so that switching a rule off stops syncing at once and on resumes it.
     */
    public boolean syncAllowedBy(IntegrationSettings settings, Person owner) {
        return settings.allows(provider) && owner.has(Permission.CALENDAR_INTEGRATION);
    }

    public boolean beingRemoved() {
        return status == AccountStatus.REMOVING;
    }

    /**
     * Changes whenever the credentials do, without revealing them: a refusal met with credentials that have
     * been replaced meanwhile says nothing about the new ones.
     */
    public String credentialsTag() {
        return Integer.toHexString(secretCipher.hashCode());
    }

    public ProviderConnection connection(SecretCipher cipher, ZoneId ownerZone) {
        return new ProviderConnection(URI.create(serverUrl), username, cipher.decrypt(secretCipher), ownerZone);
    }

    public Optional<ExternalCalendar> calendar(String calendarId) {
        return calendars.stream().filter(c -> c.id().equals(calendarId)).findFirst();
    }

    /** The provider said whose account this is when it was (re)connected; null leaves what was known. */
    public void signedInAs(SignInAudience audience) {
        if (audience != null) {
            this.signInAudience = audience;
        }
    }

    /** A personal account (Outlook.com, Hotmail) rather than one of an organisation. */
    public boolean personal() {
        return signInAudience == SignInAudience.PERSONAL;
    }

    public Optional<ExternalCalendar> pushTarget() {
        return calendars.stream().filter(ExternalCalendar::pushTarget).findFirst();
    }

    public String id() {
        return id;
    }

    public TenantId tenantId() {
        return new TenantId(tenantId);
    }

    public String personId() {
        return personId;
    }

    public CalendarProviderType provider() {
        return provider;
    }

    public String serverUrl() {
        return serverUrl;
    }

    public String username() {
        return username;
    }

    public AccountStatus status() {
        return status;
    }

    /** What kind of problem the status is; null while the account works. */
    public FailureKind statusKind() {
        return statusKind;
    }

    public String statusMessage() {
        return statusMessage;
    }

    public PrivacyMode privacyMode() {
        return privacyMode;
    }

    public List<ExternalCalendar> calendars() {
        return Collections.unmodifiableList(calendars);
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CalendarAccount account && id.equals(account.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
