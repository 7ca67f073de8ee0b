package org.calsync.infrastructure.provider.graph;

import static org.calsync.infrastructure.provider.graph.GraphErrors.RULES;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.calsync.infrastructure.provider.rest.BatchRetries;
import org.calsync.infrastructure.provider.rest.JsonAnswer;

/**
 * Graph's JSON batching: up to 20 requests in one HTTP request, each answered on its own. A request the
 * batch answers with 429 or 503 (throttled on its own, as the mailbox's concurrency limit applies inside a
 * batch too) is sent again in the next batch after the wait it asked for ({@link BatchRetries}).
 */
final class GraphBatch {

    static final int LIMIT = 20;

    private final GraphCalls graph;
    private final Duration firstBackOff;

    GraphBatch(GraphCalls graph, Duration firstBackOff) {
        this.graph = graph;
        this.firstBackOff = firstBackOff;
    }

    /** One request of a batch: a path relative to Graph's version root ("me/events/…"), with its query. */
    record Request(String method, String relativeUrl, JsonObject body, Map<String, String> headers) {
    }

    /** Answers in the order of the requests; any number of requests, sent 20 at a time. */
    List<JsonAnswer> send(List<Request> requests) {
        List<JsonAnswer> answers = new ArrayList<>();
        for (int from = 0; from < requests.size(); from += LIMIT) {
            answers.addAll(sendChunk(requests.subList(from, Math.min(requests.size(), from + LIMIT))));
        }
        return answers;
    }

    private List<JsonAnswer> sendChunk(List<Request> chunk) {
        return BatchRetries.answers(chunk.size(), RULES, firstBackOff, graph.pauses(),
                indexes -> post(chunk, indexes));
    }

    /** A request's id in the batch: its place in the chunk, counted from 1 as Graph's examples do. */
    private static String idOf(int index) {
        return String.valueOf(index + 1);
    }

    private static Optional<Integer> indexOf(String id) {
        return id.matches("\\d{1,3}") ? Optional.of(Integer.parseInt(id) - 1) : Optional.empty();
    }

    /** The requests at these indexes in one $batch; answers by index. */
    private Map<Integer, JsonAnswer> post(List<Request> chunk, List<Integer> indexes) {
        JsonArrayBuilder requests = Json.createArrayBuilder();
        for (int index : indexes) {
            Request request = chunk.get(index);
            JsonObjectBuilder headers = Json.createObjectBuilder();
            graph.headers(request.headers(), null).forEach(headers::add);
            if (request.body() != null) {
                headers.add("Content-Type", "application/json");
            }
            JsonObjectBuilder entry = Json.createObjectBuilder().add("id", idOf(index))
                    .add("method", request.method()).add("url", "/" + request.relativeUrl()).add("headers", headers);
            if (request.body() != null) {
                entry.add("body", request.body());
            }
            requests.add(entry);
        }
        String body = Json.createObjectBuilder().add("requests", requests).build().toString();
        JsonObject batch = RULES.succeeded(graph.send("POST", graph.uri("$batch", Map.of()), body, Map.of()),
                "send a batch").json();
        Map<Integer, JsonAnswer> answers = new HashMap<>();
        for (JsonValue value : batch.containsKey("responses") ? batch.getJsonArray("responses") : List.<JsonValue>of()) {
            JsonObject response = value.asJsonObject();
            JsonObject headers = response.containsKey("headers") ? response.getJsonObject("headers") : JsonValue.EMPTY_JSON_OBJECT;
            JsonValue answerBody = response.get("body");
            indexOf(response.getString("id", "")).ifPresent(index -> answers.put(index, new JsonAnswer(
                    RULES.service(), response.getInt("status", 500), headers.getString("ETag", null),
                    headers.getString("Retry-After", null), headers.getString("Content-Type", null),
                    answerBody == null ? null : answerBody.toString())));
        }
        return answers;
    }

}
