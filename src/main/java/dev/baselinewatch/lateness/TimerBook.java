package dev.baselinewatch.lateness;

import java.util.Arrays;
import org.apache.flink.streaming.api.TimerService;

/**
 * Keeps, in {@link InstanceState#timers}, every event-time timer an instance registered and has not
 * seen fire, so cleanup can delete them all: no timer outlives the state it would look at.
 */
final class TimerBook {

    private TimerBook() {}

    static void register(InstanceState state, TimerService timers, long at) {
        if (at <= timers.currentWatermark()) {
            return;
        }
        long[] book = state.timers == null ? new long[0] : state.timers;
        int i = Arrays.binarySearch(book, at);
        if (i >= 0) {
            return;
        }
        int insertAt = -i - 1;
        long[] grown = new long[book.length + 1];
        System.arraycopy(book, 0, grown, 0, insertAt);
        grown[insertAt] = at;
        System.arraycopy(book, insertAt, grown, insertAt + 1, book.length - insertAt);
        state.timers = grown;
        timers.registerEventTimeTimer(at);
    }

    /** Timers fire in order, so everything up to this one has fired. */
    static void fired(InstanceState state, long at) {
        if (state.timers == null) {
            return;
        }
        state.timers = Arrays.stream(state.timers).filter(t -> t > at).toArray();
    }

    static void deleteAll(InstanceState state, TimerService timers) {
        if (state.timers != null) {
            for (long at : state.timers) {
                timers.deleteEventTimeTimer(at);
            }
        }
        state.timers = null;
    }
}
