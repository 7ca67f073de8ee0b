package org.calsync.infrastructure.provider.ews;

import org.calsync.domain.model.calendar.ProviderTraits;
import org.calsync.domain.model.calendar.ProviderTraits.SignIn;
import org.calsync.domain.model.tenant.CalendarProviderType;

/**
 * On-premise Exchange over EWS: reached through the organisation's Exchange settings (its EWS address, and a
 * person's Windows sign-in or the service account acting for their mailbox), with the organisation's free/busy
 * for people who linked nothing. Changes are pulled; streaming notifications are not used yet.
 */
final class ExchangeKind {

    static final ProviderTraits TRAITS = new ProviderTraits(CalendarProviderType.EXCHANGE, SignIn.DIRECTORY, null, null,
            true, true);

    private ExchangeKind() {
    }
}
