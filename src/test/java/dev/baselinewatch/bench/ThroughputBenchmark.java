package dev.baselinewatch.bench;

import dev.baselinewatch.alert.Alert;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.lateness.AlertPolicy;
import dev.baselinewatch.lateness.LatenessFunction;
import dev.baselinewatch.testing.CommandLine;
import dev.baselinewatch.testing.LoopbackMiniCluster;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Lateness operator throughput (issue 6; not a test): {@link SyntheticLives} events through
 * {@code keyBy(instance) → LatenessFunction} on a local Flink runtime, one subtask, against the
 * same pipeline with {@link KeyedStateFloor} in its place, in the same JVM, alternating which goes
 * first. Per core = events divided by the CPU time of the operator's own task thread ({@link ThreadCpu});
 * the wall-clock rate is printed beside it.
 *
 * <pre>mvn -q test-compile exec:exec@bench-throughput [-Dbench.args="--events 3000000 --repeat 3"]</pre>
 */
public final class ThroughputBenchmark {

    static final double TARGET_PER_CORE = 50_000;
    /** The keyed task's thread is named after its first operator; the source's thread is not. */
    static final String OPERATOR = "Keyed operator under test";

    private ThroughputBenchmark() {}

    record Run(String variant, long events, long wallNanos, long cpuNanos) {
        double perWallSecond() {
            return events / (wallNanos / 1e9);
        }

        double perCpuSecond() {
            return events / (cpuNanos / 1e9);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = CommandLine.options(args, java.util.Set.of("--events", "--repeat", "--concurrent"),
                "usage: ThroughputBenchmark [--events PER_RUN] [--repeat RUNS] [--concurrent INSTANCES_IN_FLIGHT]");
        long events = Long.parseLong(options.getOrDefault("--events", "2000000"));
        int repeat = Integer.parseInt(options.getOrDefault("--repeat", "2"));
        int concurrent = Integer.parseInt(options.getOrDefault("--concurrent", "5000"));
        // Lives of four DataWorks hours, a tenth of them late: alerts open, update, remind and resolve.
        SyntheticLives lives = new SyntheticLives(concurrent, Duration.ofHours(4).toMillis() / ((long) concurrent * SyntheticLives.EVENTS_PER_LIFE), 10);
        AlertPolicy policy = AlertPolicy.defaults(ZoneOffset.ofHours(8)).withGracePeriod(Duration.ofMinutes(30));
        System.out.printf(Locale.ROOT, "Throughput benchmark: %,d events a run (%,d instances, %,d in flight at once, %d events each, "
                        + "10%% late), one keyed subtask, %d run(s) of each variant after a warm-up%n",
                events, events / SyntheticLives.EVENTS_PER_LIFE, concurrent, SyntheticLives.EVENTS_PER_LIFE, repeat);

        Map<String, Supplier<KeyedProcessFunction<String, BaselineEvent, Alert>>> variants = Map.of(
                "floor", KeyedStateFloor::new,
                "lateness", () -> new LatenessFunction(policy));
        run("floor (warm-up)", variants.get("floor").get(), lives, events / 5);
        run("lateness (warm-up)", variants.get("lateness").get(), lives, events / 5);
        List<Run> floor = new ArrayList<>();
        List<Run> lateness = new ArrayList<>();
        for (int i = 1; i <= repeat; i++) {
            List<String> order = i % 2 == 1 ? List.of("floor", "lateness") : List.of("lateness", "floor");
            for (String variant : order) {
                Run run = run(variant, variants.get(variant).get(), lives, events);
                (variant.equals("floor") ? floor : lateness).add(run);
                System.out.printf(Locale.ROOT, "  run %d %-9s %,10.0f events/s wall, %,10.0f events per CPU-second of its thread%n",
                        i, variant, run.perWallSecond(), run.perCpuSecond());
            }
        }
        print(floor, lateness);
    }

    static Run run(String variant, KeyedProcessFunction<String, BaselineEvent, Alert> function, SyntheticLives lives, long events)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, LoopbackMiniCluster.loopbackConfiguration());
        SingleOutputStreamOperator<Alert> alerts = env.fromSequence(0, events - 1)
                .name("Sequence")
                .map(lives::event)
                .returns(BaselineEvent.class)
                .name("Synthetic source events")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<BaselineEvent>forMonotonousTimestamps()
                        .withTimestampAssigner((event, previous) -> event.observedAt))
                .keyBy(BaselineEvent::instanceKeyText)
                .process(function)
                .name(OPERATOR);
        // As in the job: every output consumed (here discarded), so none of the function's work is skipped.
        alerts.sinkTo(new DiscardingSink<>());
        alerts.getSideOutput(LatenessFunction.FORWARDED_EVENTS).sinkTo(new DiscardingSink<>());
        alerts.getSideOutput(LatenessFunction.OUTCOMES).sinkTo(new DiscardingSink<>());
        try (ThreadCpu cpu = ThreadCpu.watch(OPERATOR)) {
            JobExecutionResult result = env.execute("throughput: " + variant);
            if (cpu.threadsSeen() == 0) {
                throw new IllegalStateException("no thread named '" + OPERATOR + "...' was seen: the CPU time would be made up");
            }
            return new Run(variant, events, result.getNetRuntime(TimeUnit.NANOSECONDS), cpu.nanos());
        }
    }

    private static void print(List<Run> floor, List<Run> lateness) {
        double floorCpu = median(floor.stream().mapToDouble(Run::perCpuSecond).toArray());
        double latenessCpu = median(lateness.stream().mapToDouble(Run::perCpuSecond).toArray());
        double floorWall = median(floor.stream().mapToDouble(Run::perWallSecond).toArray());
        double latenessWall = median(lateness.stream().mapToDouble(Run::perWallSecond).toArray());
        System.out.printf(Locale.ROOT, "%n=== Lateness operator throughput, median of %d run(s) each ===%n", lateness.size());
        System.out.printf(Locale.ROOT, "%-44s %14s %14s %10s%n", "", "lateness", "floor", "ratio");
        System.out.printf(Locale.ROOT, "%-44s %,14.0f %,14.0f %10.2f%n", "events per CPU-second of the keyed task", latenessCpu, floorCpu,
                latenessCpu / floorCpu);
        System.out.printf(Locale.ROOT, "%-44s %,14.0f %,14.0f %10.2f%n", "events per wall second (whole job)", latenessWall, floorWall,
                latenessWall / floorWall);
        System.out.printf(Locale.ROOT, "Target: >= %,.0f events/s per core through the lateness operator: %s (%.1fx the target)%n",
                TARGET_PER_CORE, latenessCpu >= TARGET_PER_CORE ? "MET" : "MISSED", latenessCpu / TARGET_PER_CORE);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
