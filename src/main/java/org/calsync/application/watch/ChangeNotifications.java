package org.calsync.application.watch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.pull.CalendarPull.TenantCalendarRef;
import org.calsync.domain.model.calendar.AccountStatus;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.calendar.ChangeWatch;
import org.calsync.domain.model.calendar.ChangeWatchRepository;
import org.calsync.domain.model.calendar.SecretCipher;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.TenantId;

/**
 * Tells a provider's genuine call about a watched calendar from anything else that reaches the public
 * address: the call must name a watch CalSync holds and carry that watch's secret (and, for Google, its
 * resource). It decides nothing else; the caller pulls the calendar.
 */
@ApplicationScoped
@Transactional
public class ChangeNotifications {

    private static final Logger LOG = Logger.getLogger(ChangeNotifications.class.getName());

    @Inject
    private ChangeWatchRepository watches;

    @Inject
    private SecretCipher cipher;

    @Inject
    private CalendarAccountRepository accounts;

    /** What a call turned out to be. */
    public enum Kind {
        /** From the provider, for a calendar CalSync watches. */
        GENUINE,
        /**
         * For a watch CalSync no longer holds (stopped, or from before a reinstall), or on an account that is
         * being removed or needs reconnecting: ignored.
         */
        UNKNOWN,
        /** Names a watch but not with its secret: someone else's call, refused. */
        FORGED
    }

    /** The verdict; for a genuine call, the calendar to pull and the watch it came through. */
    public record Verdict(Kind kind, TenantCalendarRef calendar, String watchId) {

        static final Verdict UNKNOWN = new Verdict(Kind.UNKNOWN, null, null);
        static final Verdict FORGED = new Verdict(Kind.FORGED, null, null);

        public TenantId tenantId() {
            return calendar == null ? null : new TenantId(calendar.tenantId());
        }
    }

    /**
     * @param remoteId   the watch the call names (Graph's subscriptionId, Google's channel id)
     * @param secret     what the call carries (Graph's clientState, Google's channel token)
     * @param resourceId Google's resource id; null for Graph
     */
    public Verdict check(CalendarProviderType provider, String remoteId, String secret, String resourceId) {
        if (remoteId == null || remoteId.isBlank()) {
            return Verdict.FORGED;
        }
        ChangeWatch watch = watches.findByRemoteId(provider, remoteId).orElse(null);
        if (watch == null) {
            return Verdict.UNKNOWN;
        }
        boolean secretMatches = secret != null && MessageDigest.isEqual(
                cipher.decrypt(watch.secretCipher()).getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
        boolean resourceMatches = Objects.equals(resourceId, watch.grant().resourceId());
        if (!secretMatches || !resourceMatches) {
            LOG.warning(() -> "tenant=" + watch.tenantId() + " refused a call for " + provider + " watch " + watch.id()
                    + " that did not carry its " + (secretMatches ? "resource" : "secret"));
            return Verdict.FORGED;
        }
        boolean listening = accounts.find(watch.tenantId(), watch.accountId())
                .filter(account -> !account.beingRemoved() && account.status() != AccountStatus.NEEDS_RECONSENT).isPresent();
        if (!listening) {
            return Verdict.UNKNOWN; // removal's own deletes are called in too; reading them back helps nobody
        }
        watches.noteNotified(watch.id(), Instant.now());
        return new Verdict(Kind.GENUINE, new TenantCalendarRef(watch.tenantId().value(), watch.accountId(),
                watch.calendarId()), watch.id());
    }

    /** The provider removed the watch on its side: CalSync forgets it, and the next upkeep watches anew. */
    public void removedByProvider(Verdict verdict) {
        watches.find(verdict.tenantId(), verdict.watchId()).ifPresent(watches::remove);
    }
}
