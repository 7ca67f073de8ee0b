package org.calsync.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.calsync.domain.shared.InvalidInputException;
import org.calsync.interfaces.facade.OAuthFacade;
import org.calsync.interfaces.facade.dto.OAuthRegistrationView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("oauth-registrations/{provider}")
@Tag(name = "Microsoft 365 and Google")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OAuthRegistrationResource {

    @Inject
    private OAuthFacade oauth;

    @Inject
    private ApiCaller caller;

    @GET
    @Operation(summary = "The organisation's app registration with MICROSOFT_365 or GOOGLE (never the secret), the "
            + "redirect URI to register, and for Microsoft the admin-consent link")
    public OAuthRegistrationView get(@PathParam("provider") String provider) {
        return oauth.registration(caller.tenantId(), provider);
    }

    @PUT
    @Operation(summary = "Set the app registration: directory (tenant) id for Microsoft, client id and secret; a "
            + "missing secret keeps the stored one; watchChanges on makes the provider notify CalSync of changes (webhooks, the earlier name, is still read)")
    public OAuthRegistrationView put(@PathParam("provider") String provider, RegistrationRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "api.bodyRequired");
        }
        return oauth.configure(caller.tenantId(), provider, request.directoryId, request.clientId, request.clientSecret,
                request.organisationWide, request.watchesChanges());
    }

    /** An app registration as an admin enters it. */
    public static class RegistrationRequest {
        public String directoryId;
        public String clientId;
        public String clientSecret;
        public boolean organisationWide;
        /** CalSync watches each synced calendar, so changes come back within seconds; needs a public HTTPS address. */
        public Boolean watchChanges;
        /** The earlier name of {@code watchChanges}, read when that is absent so that existing callers keep working. */
        @Deprecated
        @Schema(deprecated = true, description = "Use watchChanges")
        public Boolean webhooks;

        boolean watchesChanges() {
            return Boolean.TRUE.equals(watchChanges != null ? watchChanges : webhooks);
        }
    }
}
