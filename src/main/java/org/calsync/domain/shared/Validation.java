package org.calsync.domain.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects every field error of one input so that a person sees them all at once. */
public final class Validation {

    private final List<FieldError> errors = new ArrayList<>();

    public String required(String field, String value, int maxLength, String labelKey) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            errors.add(new FieldError(field, "input.required", Message.of(labelKey)));
        } else if (trimmed.length() > maxLength) {
            errors.add(new FieldError(field, "input.tooLong", Message.of(labelKey), maxLength));
        } else {
            checkCarriable(field, trimmed, labelKey);
        }
        return trimmed;
    }

    public String optional(String field, String value, int maxLength, String labelKey) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            errors.add(new FieldError(field, "input.tooLong", Message.of(labelKey), maxLength));
        } else {
            checkCarriable(field, trimmed, labelKey);
        }
        return trimmed;
    }

    /**
     * Text goes into calendars as iCalendar, XML (EWS) and JSON: a control character or half a surrogate pair
     * would be written raw and make the whole calendar unreadable, so it is refused where it is typed.
     */
    private void checkCarriable(String field, String text, String labelKey) {
        int unsafe = Text.firstUncarriable(text);
        if (unsafe >= 0) {
            errors.add(new FieldError(field, "input.controlCharacter", Message.of(labelKey),
                    "U+%04X".formatted(unsafe)));
        }
    }

    public ZoneId zone(String field, String zoneId) {
        if (zoneId == null || zoneId.isBlank()) {
            errors.add(new FieldError(field, "input.zoneRequired"));
            return null;
        }
        try {
            // Only region ids (Europe/London), not fixed offsets, so daylight saving follows the place.
            if (!ZoneId.getAvailableZoneIds().contains(zoneId.strip())) {
                throw new DateTimeException(zoneId);
            }
            return ZoneId.of(zoneId.strip());
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "input.zoneUnknown", zoneId));
            return null;
        }
    }

    public String webLink(String field, String value, String labelKey) {
        String link = optional(field, value, 1000, labelKey);
        if (link == null) {
            return null;
        }
        try {
            URI uri = new URI(link);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (Exception e) {
            errors.add(new FieldError(field, "input.notWebLink", Message.of(labelKey)));
        }
        return link;
    }

    /**
     * A server address CalSync can call: an http or https URI, scheme in lower case, with a host. (Links people
     * follow, checked by {@link #webLink}, may spell the scheme in any case.)
     */
    public static boolean isServerAddress(String value) {
        try {
            URI uri = new URI(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Builds a value that validates itself; its field errors join this validation's, and null is returned. */
    public <T> T attempt(Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** Adds the error worded by the domain bundle's key unless the condition holds. */
    public void check(boolean condition, String field, String key, Object... arguments) {
        if (!condition) {
            errors.add(new FieldError(field, key, arguments));
        }
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws every collected error at once; does nothing when the input was valid. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
