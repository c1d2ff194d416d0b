package dev.baselinewatch.simulator;

import dev.baselinewatch.simulator.Scenario.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One validated {@code generate:} block: how to make {@code count} baselines from a seed. Each
 * baseline's configuration and key path are drawn from (seed, baseline id) alone, so a file always
 * makes the same population; its instances' fates are drawn later, per business date and cycle
 * ({@link InstancePlanner}). Times are milliseconds; durations are drawn in whole minutes.
 *
 * @param priorityWeights priority to weight, in ascending priority order
 */
record Population(
        String key,
        int count,
        long firstId,
        long seed,
        Integer cycles,
        long cycleInterval,
        Map<Integer, Double> priorityWeights,
        List<Long> projects,
        List<String> owners,
        int minKeyPath,
        int maxKeyPath,
        long minNodeDuration,
        long maxNodeDuration,
        long windowFrom,
        long windowTo,
        long alertMargin,
        long minSlack,
        long maxSlack,
        FateMix fates) {

    private static final long MINUTE = 60_000;
    private static final String[] SUBJECTS = {
        "trade", "orders", "payments", "users", "inventory", "logistics", "risk", "marketing", "search", "ads_click",
        "coupons", "refunds", "members", "sellers", "traffic", "finance"
    };

    long lastId() {
        return firstId + count - 1;
    }

    List<ScenarioBaseline> generate() {
        List<ScenarioBaseline> baselines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            baselines.add(baseline(firstId + i));
        }
        return baselines;
    }

    private ScenarioBaseline baseline(long id) {
        SeededRandom random = SeededRandom.of(seed, id);
        int priority = priority(random.nextDouble());
        long projectId = projects.get(random.nextInt(projects.size()));
        String owner = owners.get(random.nextInt(owners.size()));
        String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
        int length = (int) random.between(minKeyPath, maxKeyPath);
        long committed = windowFrom + random.between(0, (windowTo - windowFrom) / MINUTE) * MINUTE;
        long slack = random.between(minSlack / MINUTE, maxSlack / MINUTE) * MINUTE;
        long[] expected = new long[length];
        long total = 0;
        for (int n = 0; n < length; n++) {
            expected[n] = random.between(minNodeDuration / MINUTE, maxNodeDuration / MINUTE) * MINUTE;
            total += expected[n];
        }
        // On time as planned: the last node ends `slack` before the alert time.
        long start = committed - alertMargin - slack - total;
        List<ScenarioNode> nodes = new ArrayList<>(length);
        for (int n = 0; n < length; n++) {
            long nodeId = id * 100 + n + 1;
            nodes.add(new ScenarioNode(nodeId, null, nodeName(n, length, subject, id), owner, n == 0 ? 23 : 10,
                    n == 0 ? start : null, expected[n], expected[n], 0, Outcome.SUCCESS, null, expected[n]));
        }
        boolean hourly = cycles != null;
        List<Integer> inGroupIds = IntStream.rangeClosed(1, hourly ? cycles : 1).boxed().toList();
        String name = subject + (hourly ? "_hourly_" : "_daily_") + id;
        return new ScenarioBaseline(id, name, owner, projectId, priority, hourly, inGroupIds, committed, cycleInterval,
                alertMargin, nodes, fates, seed, key);
    }

    /** Priorities in ascending order, each as likely as its weight says. */
    private int priority(double u) {
        double total = priorityWeights.values().stream().mapToDouble(Double::doubleValue).sum();
        double cumulative = 0;
        int last = 1;
        for (Map.Entry<Integer, Double> e : priorityWeights.entrySet()) {
            cumulative += e.getValue() / total;
            last = e.getKey();
            if (u < cumulative) {
                return last;
            }
        }
        return last;
    }

    /** Warehouse-style names: an ods sync first, an ads table last, dwd/dws steps between. */
    private static String nodeName(int position, int length, String subject, long id) {
        if (position == 0) {
            return "ods_" + subject + "_sync_" + id;
        }
        if (position == length - 1) {
            return "ads_" + subject + "_" + id;
        }
        return (position % 2 == 1 ? "dwd_" : "dws_") + subject + "_" + id + "_" + position;
    }
}
