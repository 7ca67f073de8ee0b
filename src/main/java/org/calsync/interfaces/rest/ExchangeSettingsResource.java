package org.calsync.interfaces.rest;

import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.calsync.domain.shared.InvalidInputException;
import org.calsync.interfaces.facade.ExchangeFacade;
import org.calsync.interfaces.facade.dto.ChangeStreamStatusView;
import org.calsync.interfaces.facade.dto.ConnectionTestView;
import org.calsync.interfaces.facade.dto.ServerThrottleView;
import org.calsync.interfaces.facade.dto.ExchangeSettingsView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("exchange-settings")
@Tag(name = "Exchange")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExchangeSettingsResource {

    @Inject
    private ExchangeFacade exchange;

    @Inject
    private ApiCaller caller;

    @GET
    @Operation(summary = "How CalSync reaches the organisation's on-premise Exchange (never the password)")
    public ExchangeSettingsView get() {
        return exchange.settings(caller.tenantId());
    }

    @PUT
    @Operation(summary = "Set the EWS address, version and sign-in: a service account with impersonation, or per user")
    public ExchangeSettingsView put(ExchangeSettingsRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "api.bodyRequired");
        }
        return exchange.configure(caller.tenantId(), new ExchangeSettingsView(true, request.ewsUrl,
                request.autodiscoverEmail, null, request.serverVersion, request.authMode, request.authScheme,
                request.serviceUsername, false, request.trustedCertificates, request.streamChanges), request.servicePassword);
    }

    @GET
    @Path("change-streams")
    @Operation(summary = "How changes made in Outlook reach CalSync: mailboxes watched over streaming notifications, "
            + "those polled because their server cannot stream, those waiting, the last notification and problem")
    public ChangeStreamStatusView changeStreams() {
        return exchange.streamStatus(caller.tenantId());
    }

    @GET
    @Path("throttling")
    @Operation(summary = "When the Exchange server last asked CalSync to wait (ErrorServerBusy), and for how long: "
            + "every call to it, push, pull, free/busy and subscriptions, from every instance, waited that long")
    public ServerThrottleView throttling() {
        return exchange.throttling(caller.tenantId());
    }

    @POST
    @Path("test")
    @Operation(summary = "Test the address, the credentials and the impersonation of one mailbox; says what failed")
    public ConnectionTestView test(TestConnectionRequest request) {
        return exchange.test(caller.tenantId(), request == null ? null : request.mailbox, Locale.ENGLISH);
    }

    /** The mailbox to open as a test. */
    public static class TestConnectionRequest {
        public String mailbox;
    }
}
