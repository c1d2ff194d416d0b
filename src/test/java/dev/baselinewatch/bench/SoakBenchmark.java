package dev.baselinewatch.bench;

import dev.baselinewatch.local.LocalStack;
import dev.baselinewatch.score.ScenarioJobConfig;
import dev.baselinewatch.score.ScoreMain;
import dev.baselinewatch.simulator.Scenario;
import dev.baselinewatch.testing.CommandLine;
import dev.baselinewatch.testing.EmbeddedKafka;
import dev.baselinewatch.testing.LoopbackMiniCluster;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The soak (issue 6; not a test): the whole job (simulator, real broker, local Flink, exactly-once
 * sinks, checkpoints every second) on {@code hourly-soak.yaml}: 200 hourly baselines × 24 cycles
 * over 30 simulated days, about five minutes of wall time. Every simulated day it reads, from Flink's
 * own metrics, the instances the lateness operator holds ({@code instancesOpened − instancesForgotten})
 * and the size of the last completed checkpoint (all operators' state), and the heap in use after a
 * full GC. Levelled off = the last ten days within 10% (state) and 25% (heap, which also holds the
 * simulator and the broker) of the ten before them: the baseline is the same run's own earlier days.
 *
 * <pre>mvn -q test-compile exec:exec@bench-soak [-Dbench.args="--scenario other.yaml"]</pre>
 */
public final class SoakBenchmark {

    static final String DEFAULT_SCENARIO = "classpath:scenarios/hourly-soak.yaml";
    static final Path DIR = Path.of("target", "bench");
    static final double STATE_TOLERANCE = 1.10;
    static final double HEAP_TOLERANCE = 1.25;

    private SoakBenchmark() {}

    /** One simulated day's peaks and its end. */
    static final class Day {
        final LocalDate date;
        long peakInstances;
        long checkpointBytesSum;
        long checkpointSamples;
        long heapAfterGc;
        long alertsSoFar;
        long callsSoFar;

        Day(LocalDate date) {
            this.date = date;
        }

        /** Checkpoint sizes swing within a day (the day's lateness windows fill, then close): the day's mean. */
        long meanCheckpointBytes() {
            return checkpointSamples == 0 ? 0 : checkpointBytesSum / checkpointSamples;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = CommandLine.options(args, Set.of("--scenario"), "usage: SoakBenchmark [--scenario FILE]");
        // The simulator and the broker share this JVM's heap. What they keep for a fixed wall time (DataWorks'
        // 15 minutes of nonces, the broker's week of transactional ids) would still be growing at the end of a
        // 16-minute run; kept for a minute, it reaches its steady state early, as it does in production.
        System.setProperty("dataworks.simulator.nonceWindow", "PT1M");
        System.setProperty(EmbeddedKafka.ID_EXPIRATION_PROPERTY, "60000");
        Scenario scenario = ScoreMain.load(options.getOrDefault("--scenario", DEFAULT_SCENARIO));
        Path config = ScenarioJobConfig.write(scenario, DIR);
        InMemoryReporter metrics = InMemoryReporter.create();
        Configuration flinkConfig = metrics.addToConfiguration(LoopbackMiniCluster.loopbackConfiguration());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, flinkConfig);
        System.out.printf(Locale.ROOT, "Soak benchmark on '%s': %d days at %.0fx (about %d s), job config %s%n", scenario.name(),
                scenario.days(), scenario.speed(), Duration.between(scenario.start(), scenario.end()).toMillis() / Math.round(scenario.speed()) / 1000,
                config);

        List<Day> days = new ArrayList<>();
        JobStatus status;
        Map<String, Long> alertsByState = new TreeMap<>();
        try (LocalStack stack = LocalStack.start(scenario, config, env);
                KafkaConsumer<String, String> alerts = stack.kafka().readCommittedConsumer(stack.settings().alertsTopic())) {
            JobID job = stack.job().getJobID();
            ZoneId zone = scenario.zone();
            Day day = null;
            System.out.printf(Locale.ROOT, "%-12s %10s %16s %14s %10s %12s%n", "day", "instances", "checkpoint bytes", "heap after GC",
                    "alerts", "API calls");
            do {
                for (ConsumerRecord<String, String> record : alerts.poll(Duration.ofMillis(200))) {
                    alertsByState.merge(stateOf(record.value()), 1L, Long::sum);
                }
                LocalDate today = LocalDateTime.ofInstant(stack.simulator().clock().now(), zone).toLocalDate();
                if (day == null || !today.equals(day.date)) {
                    if (day != null) {
                        close(day, stack, alertsByState);
                    }
                    day = new Day(today);
                    days.add(day);
                }
                day.peakInstances = Math.max(day.peakInstances, liveInstances(metrics, job));
                long checkpointBytes = lastCheckpointBytes(metrics, job);
                if (checkpointBytes > 0) {
                    day.checkpointBytesSum += checkpointBytes;
                    day.checkpointSamples++;
                }
                status = stack.job().getJobStatus().get();
            } while (stack.millisUntilScenarioEnd() > 0 && !status.isGloballyTerminalState());
            close(day, stack, alertsByState);
            long restarts = gauge(metrics, job, "numRestarts");
            System.out.printf(Locale.ROOT, "Job %s at the end, %d restart(s); alerts by state: %s%n", status, restarts, alertsByState);
        }
        write(days, scenario.name());
        verdict(days);
    }

    private static void close(Day day, LocalStack stack, Map<String, Long> alertsByState) throws InterruptedException {
        day.heapAfterGc = StateSizeBenchmark.usedAfterGc(ManagementFactory.getMemoryMXBean());
        day.alertsSoFar = alertsByState.values().stream().mapToLong(Long::longValue).sum();
        day.callsSoFar = stack.simulator().calls().total();
        System.out.printf(Locale.ROOT, "%-12s %,10d %,16d %,11.1f MB %,10d %,12d%n", day.date, day.peakInstances, day.meanCheckpointBytes(),
                day.heapAfterGc / 1e6, day.alertsSoFar, day.callsSoFar);
    }

    private static String stateOf(String alertJson) {
        int at = alertJson.indexOf("\"state\":\"");
        return at < 0 ? "?" : alertJson.substring(at + 9, alertJson.indexOf('"', at + 9));
    }

    /** Summed over the lateness operator's subtasks. */
    static long liveInstances(InMemoryReporter metrics, JobID job) {
        return sum(metrics.findMetrics(job, "instancesOpened$")) - sum(metrics.findMetrics(job, "instancesForgotten$"));
    }

    static long lastCheckpointBytes(InMemoryReporter metrics, JobID job) {
        return gauge(metrics, job, "lastCheckpointFullSize");
    }

    private static long gauge(InMemoryReporter metrics, JobID job, String name) {
        return metrics.findMetric(job, "\\." + name + "$")
                .map(m -> ((Number) ((Gauge<?>) m).getValue()).longValue())
                .orElse(0L);
    }

    private static long sum(Map<String, Metric> counters) {
        return counters.values().stream().mapToLong(m -> ((Counter) m).getCount()).sum();
    }

    /** {@code target/bench/soak-<scenario>.csv}: a short trial run does not overwrite the 30-day one. */
    private static void write(List<Day> days, String scenarioName) throws Exception {
        Files.createDirectories(DIR);
        StringBuilder csv = new StringBuilder("date,peak_instances,mean_checkpoint_bytes,heap_after_gc_bytes,alerts_so_far,calls_so_far\n");
        for (Day d : days) {
            csv.append(d.date).append(',').append(d.peakInstances).append(',').append(d.meanCheckpointBytes()).append(',')
                    .append(d.heapAfterGc).append(',').append(d.alertsSoFar).append(',').append(d.callsSoFar).append('\n');
        }
        Path file = DIR.resolve("soak-" + scenarioName.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv");
        Files.writeString(file, csv);
        System.out.println("Per day: " + file);
    }

    /**
     * The middle ten whole days against the last ten (the first and last day are partial and left
     * out; the first ten fill what is bounded, such as the simulator's log of calls): levelled off is
     * the last ten no higher than the middle ten, within the tolerance. Instances by their daily peak;
     * checkpoint bytes and heap, which swing within a day and from one GC to the next, by the median day.
     */
    static void verdict(List<Day> days) {
        List<Day> whole = days.subList(1, Math.max(1, days.size() - 1));
        if (whole.size() < 25) {
            System.out.printf(Locale.ROOT, "Only %d whole days: too short to judge levelling off%n", whole.size());
            return;
        }
        List<Day> middle = whole.subList(whole.size() - 20, whole.size() - 10);
        List<Day> last = whole.subList(whole.size() - 10, whole.size());
        System.out.printf(Locale.ROOT, "%n=== Soak: the last ten whole days against the ten before them, same run ===%n");
        boolean instances = row("instances held (daily peak, max)", middle, last, d -> d.peakInstances, false, STATE_TOLERANCE);
        boolean checkpoint = row("checkpoint bytes, all state (daily mean, median)", middle, last, Day::meanCheckpointBytes, true,
                STATE_TOLERANCE);
        boolean heap = row("heap after GC, whole JVM (median)", middle, last, d -> d.heapAfterGc, true, HEAP_TOLERANCE);
        System.out.printf(Locale.ROOT, "Levelled off: %s%n", instances && checkpoint && heap ? "YES" : "NO");
    }

    private static boolean row(String what, List<Day> before, List<Day> after, java.util.function.ToLongFunction<Day> value,
            boolean median, double tolerance) {
        double was = median ? median(before, value) : before.stream().mapToLong(value).max().orElse(0);
        double is = median ? median(after, value) : after.stream().mapToLong(value).max().orElse(0);
        boolean level = is <= was * tolerance;
        System.out.printf(Locale.ROOT, "%-50s ten before %,14.0f   last ten %,14.0f   ratio %.3f (<= %.2f: %s)%n", what, was, is,
                is / was, tolerance, level ? "level" : "GROWING");
        return level;
    }

    private static double median(List<Day> days, java.util.function.ToLongFunction<Day> value) {
        return ThroughputBenchmark.median(days.stream().mapToDouble(d -> value.applyAsLong(d)).toArray());
    }
}
