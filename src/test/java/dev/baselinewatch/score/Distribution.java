package dev.baselinewatch.score;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A few order statistics of a list of durations in seconds, by the nearest-rank rule: the p-th
 * percentile of n sorted values is the one at rank ceil(p/100 x n), so it is always a value that was
 * measured (the median of an even count is the lower middle one). All null when there are no values.
 */
public record Distribution(int count, Long min, Long p10, Long p50, Long p90, Long max) {

    public static Distribution of(Collection<Long> seconds) {
        if (seconds.isEmpty()) {
            return new Distribution(0, null, null, null, null, null);
        }
        List<Long> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        return new Distribution(sorted.size(), sorted.get(0), rank(sorted, 10), rank(sorted, 50), rank(sorted, 90),
                sorted.get(sorted.size() - 1));
    }

    /** The nearest-rank percentile {@code p} (1..100) of ascending {@code sorted}. */
    static long rank(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
