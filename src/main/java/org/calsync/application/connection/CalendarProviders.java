package org.calsync.application.connection;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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

    // Indexed once: the deployment's adapters never change while it runs, and pushes, pulls and pages ask often.
    private final Map<CalendarProviderType, CalendarProvider> adapters = new EnumMap<>(CalendarProviderType.class);
    private final Map<CalendarProviderType, OAuthSignIn> oauthSignIns = new EnumMap<>(CalendarProviderType.class);

    /** Every adapter and OAuth sign-in the deployment has (CDI's {@code Instance}), or a list of them in tests. */
    @Inject
    public CalendarProviders(@Any Instance<CalendarProvider> adapters, @Any Instance<OAuthSignIn> oauthSignIns) {
        this((Iterable<CalendarProvider>) adapters, oauthSignIns);
    }

    public CalendarProviders(Iterable<CalendarProvider> adapters, Iterable<OAuthSignIn> oauthSignIns) {
        if (adapters != null) {
            adapters.forEach(adapter -> this.adapters.putIfAbsent(adapter.type(), adapter));
            oauthSignIns.forEach(signIn -> this.oauthSignIns.putIfAbsent(signIn.type(), signIn));
        }
    }

    /** For the container's proxy only. */
    protected CalendarProviders() {
        this((Iterable<CalendarProvider>) null, null);
    }

    /** The kinds of calendar this deployment has an adapter for. */
    public Set<CalendarProviderType> available() {
        return adapters.isEmpty() ? EnumSet.noneOf(CalendarProviderType.class) : EnumSet.copyOf(adapters.keySet());
    }

    public CalendarProvider forType(CalendarProviderType type) {
        return found(adapters, type, "linking.providerNotBuilt");
    }

    public ProviderTraits traitsOf(CalendarProviderType type) {
        return forType(type).traits();
    }

    /** Every kind this deployment has, with its traits, in the kinds' order. */
    public List<ProviderTraits> allTraits() {
        return adapters.values().stream().map(CalendarProvider::traits).toList();
    }

    /** How people sign in to an OAuth kind; a clear error for a kind that does not use OAuth. */
    public OAuthSignIn oauthSignIn(CalendarProviderType type) {
        return found(oauthSignIns, type, "oauth.notOAuth");
    }

    private static <T> T found(Map<CalendarProviderType, T> byKind, CalendarProviderType type, String missingKey) {
        T found = byKind.get(type);
        if (found == null) {
            throw new InvalidInputException("provider", missingKey, Message.of("provider." + type.name()));
        }
        return found;
    }
}
