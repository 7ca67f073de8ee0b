package org.calsync.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@ApplicationPath("api/v1")
@OpenAPIDefinition(
        info = @Info(title = "CalSync API", version = "1",
                description = "Sessions, people, instructor assignments and registrations of one tenant, for the "
                        + "host training platform. Every call needs the tenant's API key. Errors are "
                        + "application/problem+json with one message per field."),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = ApiKeyFilter.HEADER, description = "A tenant API key; also accepted as 'Authorization: Bearer <key>'.")
public class RestApplication extends Application {
}
