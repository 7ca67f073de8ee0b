package org.calsync.interfaces.rest;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.calsync.domain.shared.FieldError;

/** RFC 9457 problem details, with an "errors" member that holds one message per field. */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    static Response of(int status, String type, String title, String detail, List<FieldError> errors) {
        return of(status, type, title, detail, errors, Json.createObjectBuilder());
    }

    /** With members of its own, such as the next free times of a booking refused. */
    static Response of(int status, String type, String title, String detail, List<FieldError> errors,
            JsonObjectBuilder extra) {
        JsonObjectBuilder body = extra
                .add("type", "urn:calsync:problem:" + type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            errors.forEach(e -> list.add(Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            body.add("errors", list);
        }
        return Response.status(status).type(MEDIA_TYPE).entity(body.build().toString()).build();
    }

    static Response unauthorized() {
        return Response.fromResponse(of(401, "unauthorized", "API key missing or invalid",
                "Send the tenant's API key in the X-API-Key header or as a Bearer token.", List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"calsync\"").build();
    }
}
