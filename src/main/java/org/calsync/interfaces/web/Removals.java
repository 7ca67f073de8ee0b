package org.calsync.interfaces.web;

import org.calsync.interfaces.facade.dto.AccountRemovalView;

/** What removing a calendar did, counted on both sides, in the page's language. */
public final class Removals {

    private Removals() {
    }

    public static String said(AccountRemovalView removal) {
        return Texts.get("removal.done", removal.deletedEvents())
                + (removal.notDeletable() > 0 ? " " + Texts.get("removal.notDeletable", removal.notDeletable()) : "");
    }
}
