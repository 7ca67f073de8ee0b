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

    public String required(String field, String value, int maxLength, String label) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            errors.add(new FieldError(field, label + " is required."));
        } else if (trimmed.length() > maxLength) {
            errors.add(new FieldError(field, label + " must be at most " + maxLength + " characters."));
        }
        return trimmed;
    }

    public String optional(String field, String value, int maxLength, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            errors.add(new FieldError(field, label + " must be at most " + maxLength + " characters."));
        }
        return trimmed;
    }

    public ZoneId zone(String field, String zoneId) {
        if (zoneId == null || zoneId.isBlank()) {
            errors.add(new FieldError(field, "Time zone is required."));
            return null;
        }
        try {
            // Only region ids (Europe/London), not fixed offsets, so daylight saving follows the place.
            if (!ZoneId.getAvailableZoneIds().contains(zoneId.strip())) {
                throw new DateTimeException(zoneId);
            }
            return ZoneId.of(zoneId.strip());
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "Unknown time zone '" + zoneId + "'. Use an IANA id such as Europe/London."));
            return null;
        }
    }

    public String webLink(String field, String value, String label) {
        String link = optional(field, value, 1000, label);
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
            errors.add(new FieldError(field, label + " must be an http or https address."));
        }
        return link;
    }

    /** Builds a value that validates itself; its field errors join this validation's, and null is returned. */
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

    public <T> T attempt(Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    public void check(boolean condition, String field, String message) {
        if (!condition) {
            errors.add(new FieldError(field, message));
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
