package org.calsync.testsupport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.calsync.domain.model.sync.AdminAlert;
import org.calsync.domain.model.sync.AdminAlertRepository;
import org.calsync.domain.model.tenant.TenantId;

/** Admin alerts in a list, answering as the JPA repository does, for application tests without a database. */
public final class InMemoryAdminAlerts implements AdminAlertRepository {

    private final List<AdminAlert> alerts = new ArrayList<>();

    @Override
    public void add(AdminAlert alert) {
        alerts.add(alert);
    }

    @Override
    public Optional<AdminAlert> find(TenantId tenantId, String id) {
        return alerts.stream().filter(alert -> alert.tenantId().equals(tenantId) && alert.id().equals(id)).findFirst();
    }

    @Override
    public Optional<AdminAlert> openForCalendar(TenantId tenantId, String calendarId, AdminAlert.Kind kind) {
        return open(tenantId).stream().filter(alert -> calendarId.equals(alert.calendarId()) && alert.kind() == kind)
                .findFirst();
    }

    @Override
    public List<AdminAlert> open(TenantId tenantId) {
        return alerts.stream().filter(alert -> alert.tenantId().equals(tenantId) && alert.resolvedAt() == null)
                .sorted(Comparator.comparing(AdminAlert::createdAt).reversed()).toList();
    }
}
