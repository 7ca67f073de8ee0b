package org.calsync.application;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.calsync.domain.model.calendar.CalendarProvider;
import org.calsync.domain.model.calendar.OAuthSignIn;
import org.calsync.domain.model.calendar.ProviderTraits;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.Message;

/**
 * Finds the adapter for a kind of calendar among the CalendarProvider beans the deployment has, with the traits it
 * declares and, for OAuth kinds, how people sign in.
 */
@ApplicationScoped
public class CalendarProviders {

    private final Iterable<CalendarProvider> adapters;
    private final Iterable<OAuthSignIn> oauthSignIns;

    /** Every adapter and OAuth sign-in the deployment has (CDI's {@code Instance}), or a list of them in tests. */
    @Inject
    public CalendarProviders(@Any Instance<CalendarProvider> adapters, @Any Instance<OAuthSignIn> oauthSignIns) {
        this((Iterable<CalendarProvider>) adapters, oauthSignIns);
    }

    public CalendarProviders(Iterable<CalendarProvider> adapters, Iterable<OAuthSignIn> oauthSignIns) {
        this.adapters = adapters;
        this.oauthSignIns = oauthSignIns;
    }

    /** For the container's proxy only. */
    protected CalendarProviders() {
        this((Iterable<CalendarProvider>) null, null);
    }

    /** The kinds of calendar this deployment has an adapter for. */
    public Set<CalendarProviderType> available() {
        Set<CalendarProviderType> types = EnumSet.noneOf(CalendarProviderType.class);
        adapters.forEach(adapter -> types.add(adapter.type()));
        return types;
    }

    public CalendarProvider forType(CalendarProviderType type) {
        for (CalendarProvider adapter : adapters) {
            if (adapter.type() == type) {
                return adapter;
            }
        }
        throw new InvalidInputException("provider", "linking.providerNotBuilt", Message.of("provider." + type.name()));
    }

    public ProviderTraits traitsOf(CalendarProviderType type) {
        return forType(type).traits();
    }

    /** Every kind this deployment has, with its traits. */
    public Set<ProviderTraits> allTraits() {
        Set<ProviderTraits> traits = new LinkedHashSet<>();
        adapters.forEach(adapter -> traits.add(adapter.traits()));
        return traits;
    }

    /** How people sign in to an OAuth kind; a clear error for a kind that does not use OAuth. */
    public OAuthSignIn oauthSignIn(CalendarProviderType type) {
        for (OAuthSignIn signIn : oauthSignIns) {
            if (signIn.type() == type) {
                return signIn;
            }
        }
        throw new InvalidInputException("provider", "oauth.notOAuth", Message.of("provider." + type.name()));
    }
}
