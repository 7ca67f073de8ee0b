package org.calsync.interfaces.rest;

import org.calsync.interfaces.facade.dto.ReplyMailboxView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change of the reply mailbox; fields left out keep their value, and a left-out or blank password the stored one. */
@Schema(name = "ReplyMailboxRequest")
public class ReplyMailboxRequest {

    @Schema(description = "Read replies to invitations from this mailbox every minute")
    public Boolean enabled;

    @Schema(example = "mail.northwind.example")
    public String host;

    @Schema(example = "993")
    public Integer port;

    @Schema(enumeration = {"SSL_TLS", "STARTTLS", "NONE"})
    public String security;

    @Schema(example = "training@northwind.example")
    public String username;

    @Schema(description = "Stored encrypted, never returned")
    public String password;

    @Schema(description = "Where read replies are moved; created when missing", example = "Processed")
    public String processedFolder;

    ReplyMailboxView over(ReplyMailboxView current) {
        return new ReplyMailboxView(enabled == null ? current.enabled() : enabled, current.reads(),
                host == null ? current.host() : host,
                port == null ? current.port() : port, security == null ? current.security() : security,
                username == null ? current.username() : username, current.hasPassword(),
                processedFolder == null ? current.processedFolder() : processedFolder, current.lastReadAt(),
                current.lastProblem(), current.repliesRecorded(), current.repliesRefused());
    }
}
