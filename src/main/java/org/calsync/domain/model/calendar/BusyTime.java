package org.calsync.domain.model.calendar;

import java.time.Instant;
import java.util.Optional;

/**
 * The one rule by which an occurrence on someone's own calendar becomes busy time, whichever calendar it comes
 * from; each adapter only translates its own fields (transparency, show-as, free/busy status, iCalendar's TRANSP
 * and STATUS) into a {@link ShowAs} and a cancelled flag.
 * <ul>
 * <li>Time shown as free or as working elsewhere, and cancelled occurrences, block nothing.</li>
 * <li>Busy, tentative and out-of-office time blocks the time, all-day occurrences as well.</li>
 * <li>Only occurrences that take time and overlap the window count.</li>
 * <li>An occurrence that ends before it starts is refused, so that the sync log names it as skipped.</li>
 * </ul>
 * Privacy is not decided here: a private event blocks its time like any other, and only its title is kept back.
 */
public final class BusyTime {

    /** How an event shows its time to others. */
    public enum ShowAs {
        BUSY,
        TENTATIVE,
        OUT_OF_OFFICE,
        WORKING_ELSEWHERE,
        FREE;

        boolean blocksTime() {
            return this == BUSY || this == TENTATIVE || this == OUT_OF_OFFICE;
        }
    }

    private BusyTime() {
    }

    /** Whether an event shown this way can block time at all (its occurrences then need working out). */
    public static boolean canBlock(ShowAs showAs, boolean cancelled) {
        return showAs.blocksTime() && !cancelled;
    }

    /**
     * The busy time of one occurrence inside the window, or none.
     *
     * @throws IllegalArgumentException when it ends before it starts
     */
    public static Optional<BusyInterval> of(Instant start, Instant end, boolean allDay, ShowAs showAs,
            boolean cancelled, TimeWindow window) {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("an event that ends before it starts (" + start + " to " + end + ")");
        }
        BusyInterval interval = new BusyInterval(start, end, allDay);
        boolean counts = canBlock(showAs, cancelled) && end.isAfter(start) && interval.overlaps(window.from(), window.to());
        return counts ? Optional.of(interval) : Optional.empty();
    }
}
