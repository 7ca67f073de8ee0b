package org.calsync.infrastructure.provider.graph;

import java.util.regex.Pattern;

import org.calsync.infrastructure.provider.rest.ErrorRules;
import org.calsync.infrastructure.provider.rest.JsonAnswer;

/**
 * Graph's error rules: 401 means the token no longer works (expired consent, a revoked grant); 429 and 503
 * (throttling, including more than four requests at once to one mailbox), 502 and 504 are worth retrying.
 */
enum GraphErrors implements ErrorRules {
    RULES;

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Za-z0-9_.]+)\"");

    @Override
    public String service() {
        return "Microsoft 365";
    }

    @Override
    public boolean retryable(JsonAnswer answer) {
        return switch (answer.status()) {
            case 429, 502, 503, 504 -> true;
            default -> false;
        };
    }

    /** Graph's error code ("TooManyRequests"). */
    @Override
    public String reason(JsonAnswer answer) {
        return ErrorRules.firstInBody(CODE, answer);
    }
}
