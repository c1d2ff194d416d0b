package dev.baselinewatch.simulator;

import static dev.baselinewatch.simulator.ScenarioValues.orDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Validates a {@code generate:} block of a scenario file into a {@link Population}, naming the key of every mistake. */
final class PopulationReader {

    private static final long MINUTE = 60_000;
    private static final long LAST_CLOCK_TIME = Duration.ofHours(47).plusMinutes(59).toMillis();
    private static final int MAX_KEY_PATH = 50;

    private final ScenarioValues values;

    PopulationReader(ScenarioValues values) {
        this.values = values;
    }

    Population read(ScenarioFile.Generate g, String key) {
        int count = values.require(g.count(), key + ".count");
        values.check(count >= 1 && count <= 100_000, key + ".count", "must be 1..100000, was " + count);
        long firstId = values.require(g.firstId(), key + ".firstId");
        values.check(firstId > 0, key + ".firstId", "must be a positive baseline id, was " + firstId);
        Integer cycles = g.cycles();
        values.check(cycles == null || (cycles >= 1 && cycles <= 24), key + ".cycles", "must be 1..24, was " + cycles);
        values.check(cycles != null || g.cycleInterval() == null, key + ".cycleInterval", "needs cycles (an hourly population)");
        long interval = g.cycleInterval() == null ? Duration.ofHours(1).toMillis() : values.duration(g.cycleInterval(), key + ".cycleInterval", false);

        Map<Integer, Double> priorities = priorities(g.priorities(), key + ".priorities");
        List<Long> projects = orDefault(g.projects(), List.of(1L));
        values.check(!projects.isEmpty() && projects.stream().allMatch(p -> p != null && p > 0), key + ".projects",
                "must list positive project ids, was " + projects);
        List<String> owners = orDefault(g.owners(), List.of("0"));
        values.check(!owners.isEmpty() && owners.stream().allMatch(o -> o != null && !o.isBlank()), key + ".owners",
                "must list owner uids, was " + owners);

        List<Integer> lengths = orDefault(g.keyPathLength(), List.of(3, 5));
        values.check(lengths.size() == 1 || lengths.size() == 2, key + ".keyPathLength", "must be [min, max], was " + lengths);
        int minLength = lengths.get(0);
        int maxLength = lengths.get(lengths.size() - 1);
        values.check(minLength >= 1 && minLength <= maxLength && maxLength <= MAX_KEY_PATH, key + ".keyPathLength",
                "must be [min, max] with 1 <= min <= max <= " + MAX_KEY_PATH + ", was " + lengths);
        long[] durations = values.range(orDefault(g.nodeDuration(), List.of("10m", "40m")), key + ".nodeDuration",
                (text, k) -> values.duration(text, k, false));
        values.check(durations[0] >= MINUTE, key + ".nodeDuration", "must be at least 1m");
        long[] window = values.range(values.require(g.committedWindow(), key + ".committedWindow"), key + ".committedWindow",
                values::clockTime);
        long margin = values.duration(orDefault(g.alertMargin(), "30m"), key + ".alertMargin", false);
        values.check(margin >= 2 * MINUTE, key + ".alertMargin", "must be at least 2m (a tight instance lands inside it)");
        long[] slack = values.range(orDefault(g.slack(), List.of("10m", "30m")), key + ".slack", (text, k) -> values.duration(text, k, true));

        long earliestStart = window[0] - margin - slack[1] - maxLength * durations[1];
        values.check(earliestStart >= 0, key + ".committedWindow", "starts too early: a key path of " + maxLength + " nodes of "
                + durations[1] / MINUTE + "m, " + slack[1] / MINUTE + "m of slack and the " + margin / MINUTE
                + "m alert margin would have to start before the run day's 00:00; start the window later or shorten the path");
        if (cycles != null) {
            long lastCommitted = window[1] + (cycles - 1) * interval;
            values.check(lastCommitted <= LAST_CLOCK_TIME, key + ".cycles", "the last cycle would be committed "
                    + lastCommitted / MINUTE / 60 + ":" + String.format("%02d", lastCommitted / MINUTE % 60) + ", after 47:59");
        }

        return new Population(key, count, firstId, orDefault(g.seed(), 1L), cycles, interval, priorities,
                List.copyOf(projects), List.copyOf(owners), minLength, maxLength, durations[0], durations[1], window[0], window[1],
                margin, slack[0], slack[1], fates(g.fates(), key + ".fates"));
    }

    private Map<Integer, Double> priorities(Map<String, Double> raw, String key) {
        Map<Integer, Double> weights = new TreeMap<>();
        if (raw == null) {
            for (int p : new int[] {1, 3, 5, 7, 8}) {
                weights.put(p, 1.0);
            }
            return weights;
        }
        for (Map.Entry<String, Double> e : raw.entrySet()) {
            int priority;
            try {
                priority = Integer.parseInt(e.getKey().trim());
            } catch (NumberFormatException ex) {
                throw values.fail(key + "." + e.getKey(), "priorities are 1..8");
            }
            values.check(priority >= 1 && priority <= 8, key + "." + e.getKey(), "priorities are 1..8");
            values.check(e.getValue() != null && e.getValue() >= 0, key + "." + e.getKey(), "must be a weight of 0 or more, was " + e.getValue());
            weights.put(priority, e.getValue());
        }
        values.check(weights.values().stream().mapToDouble(Double::doubleValue).sum() > 0, key, "must give some priority a weight above 0");
        return weights;
    }

    private FateMix fates(ScenarioFile.Fates f, String key) {
        if (f == null) {
            return new FateMix(0, 0, 0, 0, 0);
        }
        double slow = fraction(f.slowNode(), key + ".slowNode");
        double failed = fraction(f.failedRerun(), key + ".failedRerun");
        double never = fraction(f.neverStarts(), key + ".neverStarts");
        double waits = fraction(f.waitsForResources(), key + ".waitsForResources");
        double tight = fraction(f.tight(), key + ".tight");
        double onTime = fraction(f.onTime(), key + ".onTime");
        double sum = slow + failed + never + waits + tight + onTime;
        values.check(sum <= 1 + 1e-9, key, "fractions must sum to at most 1 (the rest run on time), were " + sum);
        return new FateMix(slow, failed, never, waits, tight);
    }

    private double fraction(Double value, String key) {
        double v = orDefault(value, 0.0);
        values.check(v >= 0 && v <= 1, key, "must be a fraction 0..1, was " + v);
        return v;
    }
}
