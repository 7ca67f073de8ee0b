package org.calsync.interfaces.facade;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.application.watch.ChangeNotifications.Kind;
import org.calsync.application.watch.ChangeNotifications.Verdict;
import org.calsync.application.watch.ChangeNotifications;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.interfaces.jobs.NotifiedPulls;
import org.calsync.interfaces.jobs.WatchUpkeep;

/**
 * The providers' notifications to CalSync: each is checked, and a genuine one has its calendar pulled
 * within seconds. Answers are quick; the pull runs after the answer.
 */
@ApplicationScoped
public class NotificationFacade {

    /** Graph's lifecycle events (the others are changes, or "missed": either way the calendar is read). */
    private static final String REMOVED = "subscriptionRemoved";
    private static final String REAUTHORIZE = "reauthorizationRequired";
    /** Google's first call on a new channel, which says nothing changed. */
    private static final String CHANNEL_OPENED = "sync";

    @Inject
    private ChangeNotifications notifications;

    @Inject
    private NotifiedPulls pulls;

    @Inject
    private WatchUpkeep upkeep;

    /**
     * One item of a Graph notification.
     *
     * @return false when the item names a watch but not with its clientState: forged
     */
    public boolean fromMicrosoft(String subscriptionId, String clientState, String lifecycleEvent) {
        Verdict verdict = notifications.check(CalendarProviderType.MICROSOFT_365, subscriptionId, clientState, null);
        if (verdict.kind() != Kind.GENUINE) {
            return verdict.kind() == Kind.UNKNOWN;
        }
        if (REAUTHORIZE.equals(lifecycleEvent)) {
            upkeep.renewSoon(verdict.tenantId(), verdict.watchId());
            return true;
        }
        if (REMOVED.equals(lifecycleEvent)) {
            notifications.removedByProvider(verdict);
            upkeep.upkeepSoon(verdict.tenantId());
        }
        pulls.pullSoon(verdict.calendar(), CalendarProviderType.MICROSOFT_365);
        return true;
    }

    /**
     * One call on a Google channel.
     *
     * @return false when it names a channel but not with its token and resource: forged
     */
    public boolean fromGoogle(String channelId, String token, String resourceId, String resourceState) {
        Verdict verdict = notifications.check(CalendarProviderType.GOOGLE, channelId, token, resourceId);
        if (verdict.kind() != Kind.GENUINE) {
            return verdict.kind() == Kind.UNKNOWN;
        }
        if (!CHANNEL_OPENED.equals(resourceState)) {
            pulls.pullSoon(verdict.calendar(), CalendarProviderType.GOOGLE);
        }
        return true;
    }
}
