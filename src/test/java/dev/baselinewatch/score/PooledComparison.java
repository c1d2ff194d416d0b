package dev.baselinewatch.score;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The calls benchmark over several runs of both pollers: one run's detection latencies differ by up to
 * a poll interval with where each instance fell in the pollers' rounds, so the verdict is taken on
 * the latencies of all runs together, and on each instance's mean difference between the pollers.
 */
final class PooledComparison {

    private final List<BenchmarkTable> runs = new ArrayList<>();
    private final double targetRatio;

    PooledComparison(double targetRatio) {
        this.targetRatio = targetRatio;
    }

    void add(BenchmarkTable run) {
        runs.add(run);
    }

    double callRatio() {
        long ours = runs.stream().mapToLong(r -> r.ours().outcome().calls()).sum();
        long naive = runs.stream().mapToLong(r -> r.naive().outcome().calls()).sum();
        return (double) ours / naive;
    }

    Distribution pooled(boolean ours) {
        List<Long> seconds = new ArrayList<>();
        for (BenchmarkTable run : runs) {
            (ours ? run.ours() : run.naive()).score().missedInstances().stream()
                    .filter(m -> m.detectionSeconds() != null).forEach(m -> seconds.add(m.detectionSeconds()));
        }
        return Distribution.of(seconds);
    }

    /** Per instance, ours minus naive, averaged over the runs: negative means ours saw it first. */
    Map<String, Double> meanDifferenceByInstance() {
        Map<String, List<Long>> differences = new HashMap<>();
        for (BenchmarkTable run : runs) {
            Map<String, Long> naive = new HashMap<>();
            run.naive().score().missedInstances().stream().filter(m -> m.detectionSeconds() != null)
                    .forEach(m -> naive.put(m.instance(), m.detectionSeconds()));
            run.ours().score().missedInstances().stream().filter(m -> m.detectionSeconds() != null && naive.containsKey(m.instance()))
                    .forEach(m -> differences.computeIfAbsent(m.instance(), i -> new ArrayList<>()).add(m.detectionSeconds() - naive.get(m.instance())));
        }
        Map<String, Double> mean = new HashMap<>();
        differences.forEach((instance, diffs) -> mean.put(instance, diffs.stream().mapToLong(Long::longValue).average().orElse(0)));
        return mean;
    }

    /** Equal or better: over all runs, neither the median nor the 90th percentile of detection latency is later than the naive poller's. */
    boolean latencyEqualOrBetter() {
        Distribution o = pooled(true);
        Distribution n = pooled(false);
        return o.count() >= n.count() && o.p50() != null && n.p50() != null && o.p50() <= n.p50() && o.p90() <= n.p90();
    }

    void print(PrintStream out) {
        Distribution o = pooled(true);
        Distribution n = pooled(false);
        Map<String, Double> perInstance = meanDifferenceByInstance();
        double meanDifference = perInstance.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        long earlier = perInstance.values().stream().filter(d -> d < 0).count();
        long later = perInstance.values().stream().filter(d -> d > 0).count();
        out.printf("%n=== All %d runs together ===%n", runs.size());
        out.printf(Locale.ROOT, "%-38s %12s %12s %12s%n", "", "ours", "naive", "ours/naive");
        out.printf(Locale.ROOT, "%-38s %12d %12d %12.3f%n", "API calls, all runs",
                runs.stream().mapToLong(r -> r.ours().outcome().calls()).sum(),
                runs.stream().mapToLong(r -> r.naive().outcome().calls()).sum(), callRatio());
        row(out, "detection latency p50", o.p50(), n.p50());
        row(out, "detection latency p90", o.p90(), n.p90());
        row(out, "detection latency max", o.max(), n.max());
        out.printf(Locale.ROOT, "per missed instance, mean of ours - naive over the runs: %s (ours first for %d, the naive poller for %d)%n",
                ScoreReport.minutes(Math.round(meanDifference)), earlier, later);
        boolean callsOk = callRatio() <= targetRatio;
        boolean latencyOk = latencyEqualOrBetter();
        out.printf("Target (at most %.2f of the naive calls at equal or better detection latency), all runs: calls %.3f %s, latency %s -> %s%n",
                targetRatio, callRatio(), callsOk ? "met" : "NOT met", latencyOk ? "equal or better" : "WORSE",
                callsOk && latencyOk ? "MET" : "NOT MET");
    }

    private static void row(PrintStream out, String name, Long ours, Long naive) {
        String difference = ours == null || naive == null ? "" : "diff " + (ours - naive >= 0 ? "+" : "") + ScoreReport.minutes(ours - naive);
        out.printf(Locale.ROOT, "%-38s %12s %12s %12s%n", name, ScoreReport.minutes(ours), ScoreReport.minutes(naive), difference);
    }
}
