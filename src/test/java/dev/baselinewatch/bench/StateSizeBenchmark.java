package dev.baselinewatch.bench;

import dev.baselinewatch.lateness.AlertPolicy;
import dev.baselinewatch.testing.CommandLine;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * State bytes per live instance (issue 6; not a test): the lateness function in Flink's operator
 * harness holds N instances at a given point of their lives; a checkpoint of its keyed state
 * (timers included) is weighed, less the checkpoint of the same operator holding none, and divided
 * by N. The baseline measured in the same run is an instance that only ever got its status: the
 * least any watcher must keep. A whole life (weighed at each of its twelve events, finished
 * instances kept for the grace period) is averaged the same way; the heap footprint is printed beside.
 *
 * <pre>mvn -q test-compile exec:exec@bench-state [-Dbench.args="--instances 20000"]</pre>
 */
public final class StateSizeBenchmark {

    static final long TARGET_BYTES = 2048;
    static final Duration LIFE = Duration.ofHours(4);

    private StateSizeBenchmark() {}

    record Phase(String name, int latePercent, int steps) {}

    record Weighed(String name, long instances, double perInstance, long alerts) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = CommandLine.options(args, Set.of("--instances"), "usage: StateSizeBenchmark [--instances N]");
        int n = Integer.parseInt(options.getOrDefault("--instances", "10000"));
        AlertPolicy policy = AlertPolicy.defaults(ZoneOffset.ofHours(8)).withGracePeriod(Duration.ofMinutes(30));
        // First, before any other harness has come and gone: its leftovers would blur a heap reading.
        double heapPerInstance = heapPerInstance(n, policy);
        long empty;
        try (LatenessUnderTest none = new LatenessUnderTest(policy)) {
            empty = none.checkpointBytes();
        }
        System.out.printf(Locale.ROOT, "State size benchmark: %,d instances a phase, heap state backend, a checkpoint of the operator "
                + "holding none weighs %,d bytes (subtracted)%n", n, empty);

        List<Phase> phases = List.of(
                new Phase("status only (baseline)", 0, 1),
                new Phase("on time, key path known, 2 nodes run", 0, 8),
                new Phase("late: at risk, DataWorks event open", 100, 8),
                new Phase("late past committed time, 3 alerts open", 100, 11));
        List<Weighed> weighed = new ArrayList<>();
        for (Phase phase : phases) {
            weighed.add(weigh(phase, n, policy, empty));
        }
        weighed.add(overALife(n, policy, empty));
        print(weighed, weighed.get(0));
        System.out.printf(Locale.ROOT, "Heap held mid-life: %,.0f bytes per live instance (Java objects of the heap backend, "
                + "measured after GC; for sizing TaskManager memory, not the target)%n", heapPerInstance);
    }

    /** N instances, all at the same point of their lives: {@code steps} events each. */
    static Weighed weigh(Phase phase, int n, AlertPolicy policy, long empty) throws Exception {
        SyntheticLives lives = new SyntheticLives(n, LIFE.toMillis() / ((long) n * SyntheticLives.EVENTS_PER_LIFE), phase.latePercent());
        try (LatenessUnderTest lateness = new LatenessUnderTest(policy)) {
            lateness.feed(lives, 0, (long) n * phase.steps(), n);
            if (lateness.liveInstances() != n) {
                throw new IllegalStateException(phase.name() + ": " + lateness.liveInstances() + " instances held, expected " + n);
            }
            return new Weighed(phase.name(), n, (double) (lateness.checkpointBytes() - empty) / n, lateness.alerts());
        }
    }

    /**
     * What a running job holds over a whole life: two lives' worth of instances, then a third
     * weighed at each of its twelve points, 10% late, finished ones kept for the grace period.
     * The mean over the twelve points; the worst of them is printed too.
     */
    static Weighed overALife(int n, AlertPolicy policy, long empty) throws Exception {
        SyntheticLives lives = new SyntheticLives(n, LIFE.toMillis() / ((long) n * SyntheticLives.EVENTS_PER_LIFE), 10);
        long perLife = (long) n * SyntheticLives.EVENTS_PER_LIFE;
        try (LatenessUnderTest lateness = new LatenessUnderTest(policy)) {
            lateness.feed(lives, 0, 2 * perLife, 1000);
            double sum = 0;
            double worst = 0;
            for (int step = 0; step < SyntheticLives.EVENTS_PER_LIFE; step++) {
                lateness.feed(lives, 2 * perLife + (long) step * n, 2 * perLife + (long) (step + 1) * n, 1000);
                double each = (double) (lateness.checkpointBytes() - empty) / lateness.liveInstances();
                sum += each;
                worst = Math.max(worst, each);
            }
            System.out.printf(Locale.ROOT, "Over a life: the worst of its twelve points weighs %,.0f bytes per live instance%n", worst);
            return new Weighed("over a whole life, 10% late (mean of 12 points)", n, sum / SyntheticLives.EVENTS_PER_LIFE,
                    lateness.alerts());
        }
    }

    private static void loadSteadyState(LatenessUnderTest lateness, SyntheticLives lives, int n) throws Exception {
        // Two lives and a half: the instances of the third are mid-life, the second's finished and forgotten.
        lateness.feed(lives, 0, 2L * n * SyntheticLives.EVENTS_PER_LIFE + (long) n * SyntheticLives.EVENTS_PER_LIFE / 2, 1000);
    }

    static double heapPerInstance(int n, AlertPolicy policy) throws Exception {
        SyntheticLives lives = new SyntheticLives(n, LIFE.toMillis() / ((long) n * SyntheticLives.EVENTS_PER_LIFE), 10);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (LatenessUnderTest lateness = new LatenessUnderTest(policy)) {
            long before = usedAfterGc(memory);
            loadSteadyState(lateness, lives, n);
            long after = usedAfterGc(memory);
            return (double) (after - before) / lateness.liveInstances();
        }
    }

    /** Heap in use right after a full collection, read at once: a running job allocates again within milliseconds. */
    static long usedAfterGc(MemoryMXBean memory) {
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void print(List<Weighed> weighed, Weighed baseline) {
        System.out.printf(Locale.ROOT, "%n=== Checkpointed state per live instance (lateness operator, keyed state and timers) ===%n");
        System.out.printf(Locale.ROOT, "%-50s %10s %12s %14s %9s %10s%n", "", "instances", "bytes each", "x status only", "of 2 KB",
                "alerts");
        for (Weighed w : weighed) {
            System.out.printf(Locale.ROOT, "%-50s %,10d %,12.0f %14.2f %8.0f%% %,10d%n", w.name(), w.instances(), w.perInstance(),
                    w.perInstance() / baseline.perInstance(), 100 * w.perInstance() / TARGET_BYTES, w.alerts());
        }
        double worst = weighed.stream().mapToDouble(Weighed::perInstance).max().orElseThrow();
        System.out.printf(Locale.ROOT, "Target: <= %,d bytes of state per live instance: %s (worst phase %,.0f bytes)%n",
                TARGET_BYTES, worst <= TARGET_BYTES ? "MET" : "MISSED", worst);
    }
}
