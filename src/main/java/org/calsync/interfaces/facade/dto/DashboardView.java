package org.calsync.interfaces.facade.dto;

import java.io.Serializable;

/**
 * The calendar sync dashboard: people who may link a calendar, each counted once under the most urgent of
 * needs reconnecting, failing, connected, invited or not connected; and the last seven days of activity as a
 * Chart.js configuration.
 */
public record DashboardView(int connected, int invited, int needsReconnecting, int failing, int held, int notConnected,
        String activityChart, int pushedThisWeek, int pulledThisWeek, int errorsThisWeek) implements Serializable {
}
