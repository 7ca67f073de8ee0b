package org.calsync.interfaces.web;

import jakarta.faces.application.FacesMessage;

import org.calsync.interfaces.facade.CalendarFacade;
import org.calsync.interfaces.facade.dto.AccountRemovalView;
import org.calsync.interfaces.facade.dto.AllRemovedView;

/** Removing calendars from a page: what it did, counted on both sides, in the page's language. */
public final class Removals {

    private Removals() {
    }

    /** Removes the account and says on the page what was deleted, or why nothing was. */
    public static void removeAndSay(CalendarFacade calendars, String tenantId, String accountId) {
        try {
            FacesErrors.global(FacesMessage.SEVERITY_INFO, said(calendars.remove(tenantId, accountId)));
        } catch (RuntimeException e) {
            FacesErrors.global(FacesMessage.SEVERITY_ERROR, Texts.get("removal.failed", e.getMessage()));
        }
    }

    /** Removes all of a person's accounts and says what went, what stays, and why. */
    public static void removeAllAndSay(CalendarFacade calendars, String tenantId, String personId) {
        try {
            AllRemovedView removed = calendars.removeAll(tenantId, personId);
            String said = Texts.get("removal.allDone", removed.removedAccounts(), removed.deletedEvents())
                    + (removed.notDeletable() > 0 ? " " + Texts.get("removal.notDeletable", removed.notDeletable()) : "");
            if (removed.keptAccountIds().isEmpty()) {
                FacesErrors.global(FacesMessage.SEVERITY_INFO, said);
            } else {
                FacesErrors.global(FacesMessage.SEVERITY_WARN,
                        said + " " + Texts.get("removal.allKept", removed.keptAccountIds().size()));
            }
        } catch (RuntimeException e) {
            FacesErrors.global(FacesMessage.SEVERITY_ERROR, Texts.get("removal.allStopped", e.getMessage()));
        }
    }

    static String said(AccountRemovalView removal) {
        return Texts.get("removal.done", removal.deletedEvents())
                + (removal.notDeletable() > 0 ? " " + Texts.get("removal.notDeletable", removal.notDeletable()) : "");
    }
}
