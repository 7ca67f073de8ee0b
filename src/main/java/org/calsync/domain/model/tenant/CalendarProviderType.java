package org.calsync.domain.model.tenant;

/**
 * The kinds of external calendar a tenant may allow its people to link. What each can do is declared by its
 * adapter ({@code ProviderTraits}); this names them, as stored.
 */
public enum CalendarProviderType {
    EXCHANGE,
    MICROSOFT_365,
    GOOGLE,
    ICLOUD,
    CALDAV,
    FASTMAIL
}
