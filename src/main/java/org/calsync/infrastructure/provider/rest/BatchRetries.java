package org.calsync.infrastructure.provider.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.ProviderUnavailableException;

/**
 * Answers for the requests of one batch (Graph's {@code $batch}, Google's batch endpoint), each answered on
 * its own. Requests the batch answers as throttled or failing are sent again, together, in the next batch
 * after the longest wait any of them asked for; the others keep their answers. What is still throttled after
 * the last attempt keeps that answer, for the caller to report with its delay.
 */
public final class BatchRetries {

    /** Sends the requests at these indexes as one batch; answers by index. */
    @FunctionalInterface
    public interface BatchSender {
        Map<Integer, JsonAnswer> send(List<Integer> indexes);
    }

    private BatchRetries() {
    }

    public static List<JsonAnswer> answers(int requests, ErrorRules rules, Duration firstBackOff, ThrottlePauses pauses,
            BatchSender sender) {
        JsonAnswer[] answers = new JsonAnswer[requests];
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            pending.add(i);
        }
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            Map<Integer, JsonAnswer> byIndex = sender.send(pending);
            List<Integer> throttled = new ArrayList<>();
            Duration wait = Duration.ZERO;
            for (int index : pending) {
                JsonAnswer answer = byIndex.get(index);
                if (answer == null) {
                    throw new ProviderUnavailableException(FailureKind.BUSY,
                            rules.service() + " left a request of a batch unanswered", null,
                            null);
                }
                answers[index] = answer;
                if (rules.retryable(answer)) {
                    throttled.add(index);
                    Duration asked = RetryingJsonClient.waitBefore(answer, attempt, firstBackOff);
                    wait = asked.compareTo(wait) > 0 ? asked : wait;
                }
            }
            boolean givingUp = attempt == RetryingJsonClient.ATTEMPTS
                    || wait.compareTo(RetryingJsonClient.LONGEST_INLINE_WAIT) > 0;
            if (throttled.isEmpty() || givingUp) {
                break;
            }
            pauses.paused(wait);
            RetryingJsonClient.pause(wait, rules.service());
            pending = throttled;
        }
        return List.of(answers);
    }
}
