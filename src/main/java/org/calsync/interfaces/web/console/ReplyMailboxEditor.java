package org.calsync.interfaces.web.console;

import java.io.Serializable;
import java.time.Instant;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.ReplyMailboxFacade;
import org.calsync.interfaces.facade.dto.ReplyMailboxView;
import org.calsync.interfaces.facade.dto.ReplyReadView;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.Texts;

/** The organiser mailbox replies are read from: where, how to sign in, and how the last read went. */
@Named
@ViewScoped
public class ReplyMailboxEditor implements Serializable {

    @Inject
    private ReplyMailboxFacade mailboxes;

    @Inject
    private CurrentUser user;

    private ReplyMailboxView stored;
    private boolean enabled;
    private String host;
    private int port;
    private String security;
    private String username;
    private String password;
    private String processedFolder;

    public void load() {
        show(mailboxes.mailbox(user.getTenantId()));
    }

    public void save() {
        try {
            show(mailboxes.change(user.getTenantId(), new ReplyMailboxView(enabled, stored.reads(), host, port,
                    security, username, stored.hasPassword(), processedFolder, null, null, 0, 0), password));
            FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get(enabled ? "settings.replyMailboxSaved"
                    : "settings.replyMailboxOff"));
        } catch (RuntimeException e) {
            FacesErrors.show("replyMailboxForm", e);
        }
    }

    /** Reads the mailbox at once, and says what it found or why it could not. */
    public void readNow() {
        try {
            ReplyReadView read = mailboxes.readNow(user.getTenantId());
            if (read.problem() == null) {
                FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("settings.repliesReadNow", read.recorded(),
                        read.refused()));
            } else {
                FacesErrors.global(FacesMessage.SEVERITY_ERROR, Texts.get("settings.repliesNotReadNow",
                        read.problem()));
            }
            show(mailboxes.mailbox(user.getTenantId()));
        } catch (RuntimeException e) {
            FacesErrors.show("replyMailboxForm", e);
        }
    }

    private void show(ReplyMailboxView view) {
        stored = view;
        enabled = view.enabled();
        host = view.host();
        port = view.port();
        security = view.security();
        username = view.username();
        password = null;
        processedFolder = view.processedFolder();
    }

    /** Whether the saved settings let CalSync read, so that "Read now" has something to do. */
    public boolean isReads() {
        return stored.reads();
    }

    public boolean isHasPassword() {
        return stored.hasPassword();
    }

    public Instant getLastReadAt() {
        return stored.lastReadAt();
    }

    public String getLastProblem() {
        return stored.lastProblem();
    }

    public int getRepliesRecorded() {
        return stored.repliesRecorded();
    }

    public int getRepliesRefused() {
        return stored.repliesRefused();
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getSecurity() {
        return security;
    }

    public void setSecurity(String security) {
        this.security = security;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getProcessedFolder() {
        return processedFolder;
    }

    public void setProcessedFolder(String processedFolder) {
        this.processedFolder = processedFolder;
    }
}
