package org.calsync.interfaces.web.console;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.SessionFacade;
import org.calsync.interfaces.facade.dto.SessionView;
import org.calsync.interfaces.web.CurrentUser;

/** The console's list of sessions, from a week ago to six months ahead. */
@Named
@ViewScoped
public class SessionList implements Serializable {

    @Inject
    private SessionFacade sessions;

    @Inject
    private CurrentUser user;

    private boolean showCancelled;
    private List<SessionView> rows = List.of();

    public void load() {
        Instant now = Instant.now();
        rows = sessions.list(user.getTenantId(), now.minus(Duration.ofDays(7)), now.plus(Duration.ofDays(183)))
                .stream().filter(s -> showCancelled || !"CANCELLED".equals(s.state())).toList();
    }

    public List<SessionView> getRows() {
        return rows;
    }

    public boolean isShowCancelled() {
        return showCancelled;
    }

    public void setShowCancelled(boolean showCancelled) {
        this.showCancelled = showCancelled;
    }
}
