package org.calsync.infrastructure.provider.google;

import java.util.regex.Pattern;

import org.calsync.infrastructure.provider.rest.ErrorRules;
import org.calsync.infrastructure.provider.rest.JsonAnswer;

/**
 * Google's error rules: 401 means the token no longer works; 429, 403 with a rate-limit or quota reason
 * ("usage limits"), 500 and 503 are worth retrying.
 */
enum GoogleErrors implements ErrorRules {
    RULES;

    private static final Pattern REASON = Pattern.compile("\"reason\"\\s*:\\s*\"([A-Za-z]+)\"");

    @Override
    public String service() {
        return "Google Calendar";
    }

    @Override
    public boolean retryable(JsonAnswer answer) {
        return switch (answer.status()) {
            case 429, 500, 502, 503, 504 -> true;
            case 403 -> reason(answer).contains("ateLimitExceeded") || reason(answer).contains("quotaExceeded");
            default -> false;
        };
    }

    /** Google's reason ("rateLimitExceeded"). */
    @Override
    public String reason(JsonAnswer answer) {
        return ErrorRules.firstInBody(REASON, answer);
    }
}
