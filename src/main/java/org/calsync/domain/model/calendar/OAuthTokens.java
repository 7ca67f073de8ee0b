package org.calsync.domain.model.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What an OAuth grant gave CalSync for one account. Stored encrypted, where other accounts keep a password,
 * in a plain line format (tokens never contain line breaks).
 *
 * @param refreshToken null when the provider gave none (then the person reconnects when the access token ends)
 */
public record OAuthTokens(String accessToken, String refreshToken, Instant expiresAt) {

    private static final String FORMAT = "oauth-v1";

    public OAuthTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Refresh a little early, so a token never ends in the middle of a sync. */
    public boolean expiresWithin(Duration margin, Instant now) {
        return !expiresAt.isAfter(now.plus(margin));
    }

    /** A refresh that brought no new refresh token keeps the old one, as RFC 6749 section 6 allows. */
    public OAuthTokens refreshedWith(OAuthTokens fresh) {
        return new OAuthTokens(fresh.accessToken, fresh.refreshToken != null ? fresh.refreshToken : refreshToken,
                fresh.expiresAt);
    }

    public String storedForm() {
        return FORMAT + "\n" + expiresAt.getEpochSecond() + "\n" + accessToken + "\n"
                + (refreshToken == null ? "" : refreshToken);
    }

    public static OAuthTokens fromStoredForm(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length != 4 || !FORMAT.equals(lines[0])) {
            throw new IllegalArgumentException("Not stored OAuth tokens");
        }
        return new OAuthTokens(lines[2], lines[3].isEmpty() ? null : lines[3],
                Instant.ofEpochSecond(Long.parseLong(lines[1])));
    }

    @Override
    public String toString() {
        return "OAuthTokens[expiresAt=" + expiresAt + "]";
    }
}
