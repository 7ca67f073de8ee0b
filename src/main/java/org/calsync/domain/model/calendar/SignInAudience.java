package org.calsync.domain.model.calendar;

/**
 * Whose accounts an OAuth registration lets people connect: work or school accounts of an organisation, or
 * personal ones (Outlook.com, Hotmail). A provider that makes no such difference accepts work accounts only.
 */
public enum SignInAudience {
    WORK,
    PERSONAL
}
