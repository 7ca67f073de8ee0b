package org.calsync.interfaces.facade;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import org.calsync.application.history.SyncDashboard.DayActivity;
import org.calsync.application.history.SyncDashboard;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.interfaces.facade.dto.DashboardView;

/** The calendar sync dashboard for the console. */
@ApplicationScoped
public class DashboardFacade {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    @Inject
    private SyncDashboard dashboard;

    /**
     * @param labels the chart's words in the viewer's language
     */
    public DashboardView dashboard(String tenantId, String viewerZone, ChartLabels labels) {
        TenantId tenant = new TenantId(tenantId);
        Instant now = Instant.now();
        SyncDashboard.Counts counts = dashboard.counts(tenant, now);
        List<DayActivity> days = dashboard.activity(tenant, ZoneId.of(viewerZone), now);
        return new DashboardView(counts.connected(), counts.invited(), counts.needsReconnecting(), counts.failing(),
                counts.held(), counts.notConnected(), chart(days, labels), sum(days, DayActivity::pushed), sum(days, DayActivity::pulled),
                sum(days, DayActivity::errors));
    }

    private static int sum(List<DayActivity> days, ToIntFunction<DayActivity> value) {
        return days.stream().mapToInt(value).sum();
    }

    /** A Chart.js bar chart: one group of bars a day. */
    static String chart(List<DayActivity> days, ChartLabels words) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        days.forEach(day -> labels.add(DAY.withLocale(words.locale()).format(day.day())));
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(dataset(words.pushed(), "#3b82f6", days, DayActivity::pushed))
                .add(dataset(words.pulled(), "#10b981", days, DayActivity::pulled))
                .add(dataset(words.errors(), "#ef4444", days, DayActivity::errors));
        JsonObjectBuilder options = Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("position", "bottom")))
                .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true)
                        .add("ticks", Json.createObjectBuilder().add("precision", 0))));
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options).build().toString();
    }

    private static JsonObjectBuilder dataset(String label, String colour, List<DayActivity> days,
            ToIntFunction<DayActivity> value) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        days.forEach(day -> data.add(value.applyAsInt(day)));
        return Json.createObjectBuilder().add("label", label).add("backgroundColor", colour).add("data", data);
    }

    /** The chart's series names and the language of its day names. */
    public record ChartLabels(Locale locale, String pushed, String pulled, String errors) {
    }
}
