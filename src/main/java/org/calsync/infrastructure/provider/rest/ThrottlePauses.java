package org.calsync.infrastructure.provider.rest;

import java.time.Duration;

/** Told of every wait a calendar server imposes on a call before it is tried again, for the metrics. */
@FunctionalInterface
public interface ThrottlePauses {

    ThrottlePauses NONE = wait -> { };

    void paused(Duration wait);
}
