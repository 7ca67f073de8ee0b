package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/**
 * When the organisation's Exchange server last asked CalSync to wait (ErrorServerBusy), and for how long; every call
 * to it, from every instance, waited that long.
 *
 * @param server          host and port
 * @param lastThrottledAt null when it never throttled CalSync
 * @param pauseMillis     how long it asked to wait
 */
public record ServerThrottleView(String server, Instant lastThrottledAt, long pauseMillis) implements Serializable {
}
