package org.calsync.testsupport;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for something that happens asynchronously (a push after commit), failing with a clear message. */
public final class Eventually {

    private Eventually() {
    }

    public static void await(String what, Duration limit, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + limit.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The condition stays true for the whole period, as a late or doubled write would break it. */
    public static void holds(String what, Duration period, Supplier<Boolean> condition) {
        long end = System.nanoTime() + period.toNanos();
        do {
            if (!condition.get()) {
                throw new AssertionError("Stopped holding within " + period.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } while (System.nanoTime() < end);
    }
}
