package org.calsync.interfaces.facade;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.calsync.domain.shared.InvalidInputException;

/** Reads enum names typed into forms or sent as JSON, with a field error that lists the allowed values. */
final class EnumInput {

    private EnumInput() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "input.unknownValue", value, allowed(type));
        }
    }

    static <E extends Enum<E>> Set<E> parseAll(Class<E> type, Set<String> values, String field) {
        EnumSet<E> parsed = EnumSet.noneOf(type);
        if (values != null) {
            values.forEach(value -> parsed.add(parse(type, value, field)));
        }
        return parsed;
    }

    static <E extends Enum<E>> Set<String> names(Set<E> values) {
        return values.stream().map(Enum::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Enum names keyed by their label, in the given order, for option lists. */
    static <E extends Enum<E>> Map<String, String> labels(Collection<E> values, Function<E, String> label) {
        Map<String, String> labels = new LinkedHashMap<>();
        values.forEach(value -> labels.put(label.apply(value), value.name()));
        return labels;
    }

    private static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
