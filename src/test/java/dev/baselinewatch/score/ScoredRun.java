package dev.baselinewatch.score;

import dev.baselinewatch.local.LocalStack;
import dev.baselinewatch.local.TopicTail;
import dev.baselinewatch.simulator.CallCounter;
import dev.baselinewatch.simulator.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs a scenario through the job on a {@link LocalStack} (simulator, real broker, local Flink) from
 * the clock's start to its end, then drains: two more checkpoints, so every alert raised by the end
 * is committed and visible. Reads the alerts topic as a subscriber does ({@code read_committed}),
 * noting the simulated time each record arrived, and the API calls the simulator received until the end.
 */
public final class ScoredRun {

    /** What a run left behind, for {@link Scorecard}. */
    public record Outcome(
            List<AlertRecord> alerts,
            long calls,
            Map<String, Long> callsByAction,
            Map<String, Long> answers,
            Distribution statusRevisitSeconds,
            List<CallCounter.Call> callLog,
            ClockReading clock,
            JobStatus jobStatus,
            Duration wallTime) {

        /** The job was still running at the end, as it should be: a stopped job's score says little. */
        public boolean jobRan() {
            return !jobStatus.isGloballyTerminalState();
        }
    }

    /** One reading of the simulator's clock: with its speed, it turns any wall time of the run into DataWorks time. */
    public record ClockReading(long wallNanos, long simulatedMillis, double speed) {

        public long simulatedMillisAt(long otherWallNanos) {
            return simulatedMillis - Math.round((wallNanos - otherWallNanos) / 1e6 * speed);
        }
    }

    private ScoredRun() {}

    public static Outcome run(Scenario scenario, Path jobConfig, StreamExecutionEnvironment env, LocalStack.JobWiring wiring)
            throws Exception {
        long startedAt = System.nanoTime();
        try (LocalStack stack = LocalStack.start(scenario, jobConfig, env, wiring);
                TopicTail alerts = new TopicTail(stack.kafka(), stack.settings().alertsTopic(), json -> {})) {
            List<AlertRecord> received = new ArrayList<>();
            long checkpointMillis = stack.settings().checkpointInterval().toMillis();
            Map<String, Long> callsByAction = null;
            Map<String, Long> answers = null;
            long endedAtNanos = Long.MAX_VALUE;
            long drainUntil = Long.MAX_VALUE;
            JobStatus status = status(stack);
            while (System.currentTimeMillis() < drainUntil && !status.isGloballyTerminalState()) {
                for (var json : alerts.poll(Duration.ofMillis(100))) {
                    received.add(AlertRecord.of(json, stack.simulator().clock().now()));
                }
                if (callsByAction == null && stack.millisUntilScenarioEnd() == 0) {
                    // Calls are counted up to the clock's end; the drain only lets the last checkpoints commit.
                    callsByAction = stack.simulator().calls().byAction();
                    answers = stack.simulator().calls().byOutcome();
                    endedAtNanos = System.nanoTime();
                    drainUntil = System.currentTimeMillis() + 2 * checkpointMillis + 1000;
                }
                status = status(stack);
            }
            for (var json : alerts.poll(Duration.ofMillis(500))) {
                received.add(AlertRecord.of(json, stack.simulator().clock().now()));
            }
            if (callsByAction == null) {
                callsByAction = stack.simulator().calls().byAction();
                answers = stack.simulator().calls().byOutcome();
            }
            long total = callsByAction.values().stream().mapToLong(Long::longValue).sum();
            long end = endedAtNanos;
            List<CallCounter.Call> log = stack.simulator().calls().log().stream().filter(c -> c.wallNanos() <= end).toList();
            Distribution revisits = statusRevisits(log, scenario.speed());
            long readAt = System.nanoTime();
            ClockReading clock = new ClockReading(readAt, stack.simulator().clock().nowMillis(), scenario.speed());
            return new Outcome(received, total, callsByAction, answers, revisits, log, clock, status, Duration.ofNanos(System.nanoTime() - startedAt));
        }
    }

    /**
     * How long, in DataWorks seconds, one baseline waited between two answered {@code GetBaselineStatus}
     * calls, as the simulator saw them arrive until the clock's end: whether a poller that asks each
     * instance kept its interval. (The simulator keeps its last 200,000 calls.) {@code log} ends at the clock's end.
     */
    static Distribution statusRevisits(List<CallCounter.Call> log, double speed) {
        Map<Long, Long> lastCall = new HashMap<>();
        List<Long> gaps = new ArrayList<>();
        for (CallCounter.Call call : log) {
            if (call.baselineId() == null || !"GetBaselineStatus".equals(call.action())
                    || !"OK".equals(call.outcome())) {
                continue;
            }
            Long previous = lastCall.put(call.baselineId(), call.wallNanos());
            if (previous != null) {
                gaps.add(Math.round((call.wallNanos() - previous) / 1e9 * speed));
            }
        }
        return Distribution.of(gaps);
    }

    /** The job's status; a local cluster that is gone means the job is over. */
    private static JobStatus status(LocalStack stack) {
        try {
            return stack.job().getJobStatus().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return JobStatus.FAILED;
        }
    }
}
