package org.calsync.interfaces.web;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.TenantFacade;

/** Option lists for the forms: time zones, weekdays, permissions, providers. */
@Named
@ApplicationScoped
public class Choices {

    @Inject
    private TenantFacade tenants;

    /** Each kind's sign-in, read on first use (a racing second read finds the same). */
    private volatile Map<String, String> signIns;

    private final List<String> timeZones = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .sorted().toList();

    /** Autocomplete for time zone fields: matches anywhere in the id, case-insensitive. */
    public List<String> completeTimeZone(String query) {
        String needle = query == null ? "" : query.toLowerCase(Locale.ROOT).replace(' ', '_');
        return timeZones.stream().filter(id -> id.toLowerCase(Locale.ROOT).contains(needle)).limit(30).toList();
    }

    /** Monday to Sunday, named in the page's language. */
    public Map<String, String> getWeekdays() {
        Locale locale = Texts.locale();
        return Arrays.stream(DayOfWeek.values()).collect(Collectors.toMap(
                day -> day.getDisplayName(TextStyle.FULL, locale), DayOfWeek::name,
                (a, b) -> a, LinkedHashMap::new));
    }

    public Map<String, String> getPermissions() {
        return labelled("permission.", tenants.permissionNames());
    }

    public Map<String, String> getProviders() {
        return labelled("provider.", tenants.providerNames());
    }

    /**
     * How this kind of calendar signs in: PASSWORD, APP_PASSWORD, OAUTH or DIRECTORY; null for no kind. Read once:
     * the deployment's kinds do not change while it runs, and a form asks several times per rendering.
     */
    public String signInOf(String provider) {
        Map<String, String> known = signIns;
        if (known == null) {
            known = tenants.signInByKind();
            signIns = known;
        }
        return provider == null ? null : known.get(provider);
    }

    /** Names keyed by their label in the page's bundle ({@code prefix + name}), in the given order. */
    public static Map<String, String> labelled(String prefix, List<String> names) {
        Map<String, String> labels = new LinkedHashMap<>();
        names.forEach(name -> labels.put(Texts.get(prefix + name), name));
        return labels;
    }
}
