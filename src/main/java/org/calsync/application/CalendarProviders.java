package org.calsync.application;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.calsync.domain.model.calendar.CalendarProvider;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.Message;

/** Finds the adapter for a kind of calendar among the CalendarProvider beans the deployment has. */
@ApplicationScoped
public class CalendarProviders {

    @Inject
    @Any
    private Instance<CalendarProvider> adapters;

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
}
