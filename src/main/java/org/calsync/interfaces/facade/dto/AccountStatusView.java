package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.util.List;

/** One linked account in the console: whose it is, how it is doing, and its recent sync log. */
public record AccountStatusView(String personId, String personName, CalendarAccountView account, List<SyncRunView> log)
        implements Serializable {
}
