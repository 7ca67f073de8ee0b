package org.calsync.domain.model.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.junit.jupiter.api.Test;

class SyncMetricsTest {

    private final List<String> told = new ArrayList<>();
    private final SyncMetrics metrics = new SyncMetrics() {
        @Override
        public void pushed(CalendarProviderType provider, Duration sinceChange) {
            told.add("pushed");
        }

        @Override
        public void pulled(CalendarProviderType provider, Duration took, int requests) {
            told.add("pulled");
        }

        @Override
        public void failed(CalendarProviderType provider, Work work, FailureKind kind) {
            told.add("failed " + provider + " " + work + " " + kind);
        }

        @Override
        public void throttled(CalendarProviderType provider, Duration pause) {
            told.add("throttled " + provider + " " + pause.toSeconds());
        }

        @Override
        public void notified(CalendarProviderType provider, Duration lag) {
            told.add("notified");
        }
    };

    @Test
    void aBusyServersNamedWaitIsAThrottlingPauseAsWellAsAFailure() {
        metrics.failed(CalendarProviderType.GOOGLE, SyncMetrics.Work.PUSH, FailureKind.BUSY, Duration.ofSeconds(120));
        metrics.failed(CalendarProviderType.GOOGLE, SyncMetrics.Work.PULL, FailureKind.BUSY, null);
        metrics.failed(CalendarProviderType.EXCHANGE, SyncMetrics.Work.PULL, FailureKind.SIGN_IN, Duration.ofHours(1));

        assertEquals(List.of("failed GOOGLE PUSH BUSY", "throttled GOOGLE 120", "failed GOOGLE PULL BUSY",
                "failed EXCHANGE PULL SIGN_IN"), told);
    }
}
