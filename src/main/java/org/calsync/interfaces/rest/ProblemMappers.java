package org.calsync.interfaces.rest;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.calsync.domain.shared.ConcurrentChanges;
import org.calsync.domain.shared.ConflictException;
import org.calsync.domain.shared.FieldError;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.RetryLaterException;
import org.calsync.domain.shared.UnknownEntityException;
import org.calsync.interfaces.facade.SlotTakenProblem;

/** Turns domain and framework errors into problem+json answers. */
final class ProblemMappers {

    private ProblemMappers() {
    }

    @Provider
    public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
        @Override
        public Response toResponse(InvalidInputException e) {
            return Problems.of(400, "invalid-input", "Invalid input", "Nothing was stored.", e.errors());
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return Problems.of(409, "conflict", "Conflict", e.getMessage(),
                    List.of(new FieldError(e.field(), e.text())));
        }
    }

    /** A booking refused because its time was taken, with the next free times to offer instead. */
    @Provider
    public static class SlotTaken implements ExceptionMapper<SlotTakenProblem> {
        @Override
        public Response toResponse(SlotTakenProblem e) {
            JsonArrayBuilder next = Json.createArrayBuilder();
            e.nextSlots().forEach(slot -> next.add(Json.createObjectBuilder().add("start", slot.start().toString())
                    .add("end", slot.end().toString())));
            return Problems.of(409, "slot-taken", "Slot taken", e.getMessage(),
                    List.of(new FieldError(e.field(), e.text())), Json.createObjectBuilder().add("nextSlots", next));
        }
    }

    @Provider
    public static class UnknownEntity implements ExceptionMapper<UnknownEntityException> {
        @Override
        public Response toResponse(UnknownEntityException e) {
            return Problems.of(404, "not-found", "Not found", e.getMessage(), List.of());
        }
    }

    @Provider
    public static class RetryLater implements ExceptionMapper<RetryLaterException> {
        @Override
        public Response toResponse(RetryLaterException e) {
            Response problem = Problems.of(503, "retry-later", "Try again later",
                    e.getMessage() + " Nothing was changed.", List.of());
            return e.retryAfter() == null ? problem
                    : Response.fromResponse(problem).header("Retry-After", Math.max(1, e.retryAfter().toSeconds())).build();
        }
    }

    @Provider
    public static class MalformedJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return Problems.of(400, "malformed-body", "Malformed request body",
                    "The body is not valid JSON for this resource.", List.of());
        }
    }

    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return Problems.of(400, "malformed-body", "Malformed request body",
                    "The body could not be read as JSON for this resource.", List.of());
        }
    }

    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String reason = e.getResponse().getStatusInfo().getReasonPhrase();
            return Problems.of(status, "http-" + status, reason, null, List.of());
        }
    }

    private static Response concurrentChange() {
        return Problems.of(409, "concurrent-change", "Conflict",
                "Someone changed the same data at the same time. Read it again and retry.", List.of());
    }

    /**
     * Two requests changed the same data at once: a stale version, or a unique key taken by the other one
     * between our check and our commit. The loser gets a 409 and nothing of its change is stored.
     */
    @Provider
    public static class ConcurrentChange implements ExceptionMapper<TransactionalException> {
        private static final Logger LOG = Logger.getLogger(ConcurrentChange.class.getName());

        @Override
        public Response toResponse(TransactionalException e) {
            if (ConcurrentChanges.isConcurrentChange(e)) {
                return concurrentChange();
            }
            LOG.log(Level.SEVERE, "Transaction failed in API call", e);
            return Problems.of(500, "internal", "Internal error", "The error has been logged.", List.of());
        }
    }

    /** Anything unexpected: logged in full, answered without internals. */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(RuntimeException e) {
            // A stale version found while the change was still being made (an auto-flush), not at commit.
            if (ConcurrentChanges.isConcurrentChange(e)) {
                return concurrentChange();
            }
            LOG.log(Level.SEVERE, "Unexpected error in API call", e);
            return Problems.of(500, "internal", "Internal error", "The error has been logged.", List.of());
        }
    }
}
