package org.calsync.domain.model.sync;

import java.util.List;
import java.util.Optional;

import org.calsync.domain.model.tenant.TenantId;

public interface AdminAlertRepository {

    void add(AdminAlert alert);

    Optional<AdminAlert> find(TenantId tenantId, String id);

    /** The unresolved alert of this kind about a calendar, if any. */
    Optional<AdminAlert> openForCalendar(TenantId tenantId, String calendarId, AdminAlert.Kind kind);

    /** Unresolved alerts, newest first. */
    List<AdminAlert> open(TenantId tenantId);
}
