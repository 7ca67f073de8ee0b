package org.calsync.interfaces.rest;

import java.io.StringReader;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.calsync.interfaces.facade.NotificationFacade;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The notification endpoints Microsoft Graph and Google Calendar call when a watched calendar changes. They answer
 * at once (Graph wants an answer within three seconds) and leave the pull to a managed thread.
 */
@Path("notifications")
@CalledByProviders
@Consumes(MediaType.WILDCARD)
public class ProviderNotificationResource {

    @Inject
    private NotificationFacade notifications;

    /**
     * Graph's calls: first the validation handshake, then change and lifecycle notifications, several items
     * to a call. 202 when at least one item is genuine or none names a watch of CalSync's; 403 when every
     * item that names one carries the wrong clientState.
     */
    @POST
    @Path("microsoft")
    @Operation(hidden = true)
    public Response fromMicrosoft(@QueryParam("validationToken") String validationToken, String body) {
        if (validationToken != null) {
            // Graph checks the address before it subscribes: the token comes back as sent, as plain text.
            return Response.ok(validationToken, MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8")).build();
        }
        JsonArray items = items(body);
        if (items == null) {
            return Problems.of(400, "notification", "Not a change notification",
                    "Expected a JSON object whose \"value\" lists notifications.", List.of());
        }
        boolean accepted = false;
        boolean forged = false;
        for (JsonValue value : items) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                continue;
            }
            JsonObject item = value.asJsonObject();
            boolean genuine = notifications.fromMicrosoft(item.getString("subscriptionId", null),
                    item.getString("clientState", null), item.getString("lifecycleEvent", null));
            accepted |= genuine;
            forged |= !genuine;
        }
        return forged && !accepted ? refused() : Response.accepted().build();
    }

    /** Google's calls: the channel and its token in headers, no body. */
    @POST
    @Path("google")
    @Operation(hidden = true)
    public Response fromGoogle(@HeaderParam("X-Goog-Channel-ID") String channelId,
            @HeaderParam("X-Goog-Channel-Token") String token, @HeaderParam("X-Goog-Resource-ID") String resourceId,
            @HeaderParam("X-Goog-Resource-State") String resourceState) {
        return notifications.fromGoogle(channelId, token, resourceId, resourceState) ? Response.ok().build() : refused();
    }

    private static Response refused() {
        return Problems.of(403, "forbidden", "Not a notification CalSync asked for",
                "The call does not carry the secret of the subscription it names.", List.of());
    }

    private static JsonArray items(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return null;
            }
            JsonValue items = value.asJsonObject().get("value");
            return items != null && items.getValueType() == JsonValue.ValueType.ARRAY ? items.asJsonArray() : null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }
}
