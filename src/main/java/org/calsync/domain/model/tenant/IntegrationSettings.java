package org.calsync.domain.model.tenant;


import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.calsync.domain.shared.Validation;

/** A tenant's calendar integration settings. Immutable: a change replaces the whole value. */
public class IntegrationSettings {

    public static final int MIN_PULL_WINDOW_MONTHS = 1;
    public static final int MAX_PULL_WINDOW_MONTHS = 24;
    public static final int MAX_CANCELLATION_DEADLINE_HOURS = 720;

    private boolean integrationEnabled;
    private Set<CalendarProviderType> allowedProviders;
    private SyncDirection direction;
    private PrivacyMode defaultPrivacyMode;
    private int pullWindowMonths;
    private boolean omitLearnerDetails;
    private int cancellationDeadlineHours;
    /** The online meeting a new session asks for when it does not say; null for none. */
    private OnlineMeetingKind defaultOnlineMeeting;

    protected IntegrationSettings() {
        // for JPA
    }

    public IntegrationSettings(boolean integrationEnabled, Set<CalendarProviderType> allowedProviders,
            SyncDirection direction, PrivacyMode defaultPrivacyMode, int pullWindowMonths,
            boolean omitLearnerDetails, int cancellationDeadlineHours) {
        Validation validation = new Validation();
        validation.check(direction != null, "direction", "settings.directionRequired");
        validation.check(defaultPrivacyMode != null, "defaultPrivacyMode", "settings.privacyRequired");
        validation.check(pullWindowMonths >= MIN_PULL_WINDOW_MONTHS && pullWindowMonths <= MAX_PULL_WINDOW_MONTHS,
                "pullWindowMonths", "settings.pullWindowRange", MIN_PULL_WINDOW_MONTHS, MAX_PULL_WINDOW_MONTHS);
        validation.check(cancellationDeadlineHours >= 0 && cancellationDeadlineHours <= MAX_CANCELLATION_DEADLINE_HOURS,
                "cancellationDeadlineHours", "settings.deadlineRange", MAX_CANCELLATION_DEADLINE_HOURS);
        boolean noProviders = allowedProviders == null || allowedProviders.isEmpty();
        validation.check(!(integrationEnabled && noProviders), "allowedProviders", "settings.noProviders");
        validation.throwIfInvalid();
        this.integrationEnabled = integrationEnabled;
        this.allowedProviders = noProviders ? EnumSet.noneOf(CalendarProviderType.class) : EnumSet.copyOf(allowedProviders);
        this.direction = direction;
        this.defaultPrivacyMode = defaultPrivacyMode;
        this.pullWindowMonths = pullWindowMonths;
        this.omitLearnerDetails = omitLearnerDetails;
        this.cancellationDeadlineHours = cancellationDeadlineHours;
    }

    /** The same settings, with new sessions asking for this kind of online meeting (null: none) unless they say. */
    public IntegrationSettings withDefaultOnlineMeeting(OnlineMeetingKind kind) {
        IntegrationSettings changed = new IntegrationSettings(integrationEnabled, allowedProviders, direction,
                defaultPrivacyMode, pullWindowMonths, omitLearnerDetails, cancellationDeadlineHours);
        changed.defaultOnlineMeeting = kind;
        return changed;
    }

    public OnlineMeetingKind defaultOnlineMeeting() {
        return defaultOnlineMeeting;
    }

    /** What a new tenant starts with: integration off, two-way, default privacy, a 12-month window. */
    public static IntegrationSettings defaults() {
        return new IntegrationSettings(false, EnumSet.noneOf(CalendarProviderType.class), SyncDirection.TWO_WAY,
                PrivacyMode.DEFAULT, 12, false, 24);
    }

    public boolean integrationEnabled() {
        return integrationEnabled;
    }

    public Set<CalendarProviderType> allowedProviders() {
        return Collections.unmodifiableSet(allowedProviders);
    }

    public boolean allows(CalendarProviderType provider) {
        return integrationEnabled && allowedProviders.contains(provider);
    }

    public SyncDirection direction() {
        return direction;
    }

    public PrivacyMode defaultPrivacyMode() {
        return defaultPrivacyMode;
    }

    public int pullWindowMonths() {
        return pullWindowMonths;
    }

    public boolean omitLearnerDetails() {
        return omitLearnerDetails;
    }

    public int cancellationDeadlineHours() {
        return cancellationDeadlineHours;
    }
}
