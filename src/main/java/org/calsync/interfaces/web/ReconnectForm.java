package org.calsync.interfaces.web;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.faces.application.FacesMessage;

import org.calsync.domain.shared.InvalidInputException;
import org.calsync.interfaces.facade.CalendarFacade;
import org.calsync.interfaces.facade.dto.CalendarAccountView;

/**
 * The new passwords typed on a page that lists several accounts, one per account, and the reconnect they
 * submit. Used by the portal and the console alike. A typed password never outlives its request.
 */
public class ReconnectForm implements Serializable {

    private final Map<String, String> passwords = new HashMap<>();

    public Map<String, String> getPasswords() {
        return passwords;
    }

    /** Reconnects the account with the password typed for it; says on the page what happened. */
    public boolean submit(CalendarFacade calendars, String tenantId, CalendarAccountView account) {
        try {
            calendars.reconnect(tenantId, account.id(), passwords.get(account.id()), Texts.language());
            FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("reconnect.done", account.username()));
            return true;
        } catch (InvalidInputException e) {
            FacesErrors.global(FacesMessage.SEVERITY_ERROR, Texts.get("reconnect.failed")
                    + " " + e.errors().stream().map(error -> error.message(Texts.locale())).collect(Collectors.joining(" ")));
            return false;
        } finally {
            passwords.remove(account.id());
        }
    }
}
