package dev.baselinewatch.source;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * Which baselines the job watches: by id, and/or every baseline a discovery rule finds. DataWorks'
 * configuration of each (cycles, committed times, priority, owner) is read again every
 * {@code refreshInterval}, and newly discovered baselines are added while the job runs.
 */
public record WatchSpec(List<WatchedBaseline> baselines, List<DiscoveryRule> discovery, Duration refreshInterval)
        implements Serializable {

    public WatchSpec {
        baselines = List.copyOf(baselines);
        discovery = List.copyOf(discovery);
        if (baselines.isEmpty() && discovery.isEmpty()) {
            throw new IllegalArgumentException("nothing to watch: name baselines or give a discovery rule");
        }
        if (refreshInterval.isZero() || refreshInterval.isNegative()) {
            throw new IllegalArgumentException("refresh interval must be positive, was " + refreshInterval);
        }
    }

    public static WatchSpec of(List<WatchedBaseline> baselines) {
        return new WatchSpec(baselines, List.of(), Duration.ofHours(1));
    }

    /** Readers the job can keep busy before discovery has run: one per named baseline, or any when it discovers. */
    public int maxUsefulReaders(int wanted) {
        return discovery.isEmpty() ? Math.min(wanted, baselines.size()) : wanted;
    }
}
