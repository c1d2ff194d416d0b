package dev.baselinewatch.simulator;

import dev.baselinewatch.simulator.Scenario.SimBaseline;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The ground truth of a scenario, for scoring the job against it: for every baseline instance its
 * committed and alert times, when it really finishes, its fate, whether it missed its committed time
 * and from when the simulator's own {@code GetBaselineStatus} answers showed that. Worked out from the
 * same timelines the simulator serves; every field is defined in {@code docs/SCENARIOS.md} ("Ground truth").
 */
public final class ScenarioTruth {

    /** The truth's scans step through simulated time this finely. */
    static final long SCAN_STEP_MILLIS = 60_000;

    /**
     * The truth about one baseline instance.
     *
     * @param finishAt when its last key-path node succeeds; null if that never happens
     * @param missed finishes after its committed time, or never
     * @param finishedWithMargin finishes at or before its alert time
     * @param visibleAt missed instances only (else null): the first scan point at which the simulator's
     *     GetBaselineStatus answer showed trouble ({@code EndCast} after {@code SlaTime}, or {@code Status}
     *     OVER), at most the committed time
     * @param withinClock the committed time lies within the scenario's clock ({@code clock.start} to {@code clock.end})
     */
    public record InstanceTruth(
            long baselineId,
            LocalDate bizdate,
            int inGroupId,
            int priority,
            long projectId,
            Fate fate,
            Instant committedAt,
            Instant alertAt,
            Instant finishAt,
            boolean missed,
            boolean finishedWithMargin,
            Instant visibleAt,
            boolean withinClock) {}

    private record Key(long baselineId, LocalDate bizdate, int inGroupId) {}

    private final Scenario scenario;
    private final List<InstanceTruth> instances;
    private final Map<Key, InstanceTruth> byKey = new HashMap<>();

    private ScenarioTruth(Scenario scenario, List<InstanceTruth> instances) {
        this.scenario = scenario;
        this.instances = List.copyOf(instances);
        instances.forEach(t -> byKey.put(new Key(t.baselineId(), t.bizdate(), t.inGroupId()), t));
    }

    /** The truth of every instance of {@code scenario}: business date by business date, in scenario order. */
    public static ScenarioTruth of(Scenario scenario) {
        List<InstanceTruth> instances = new ArrayList<>();
        forEach(scenario, instances::add);
        return new ScenarioTruth(scenario, instances);
    }

    /** Writes the truth of every instance as JSON lines without holding them all: for scenarios too big to keep. */
    public static void writeJsonLines(Scenario scenario, Writer out) throws IOException {
        TruthJson json = new TruthJson(scenario.zone(), out);
        try {
            forEach(scenario, json::write);
        } catch (TruthJson.WriteFailed e) {
            throw e.getCause();
        }
        out.flush();
    }

    public void writeJsonLines(Writer out) throws IOException {
        TruthJson json = new TruthJson(scenario.zone(), out);
        try {
            instances.forEach(json::write);
        } catch (TruthJson.WriteFailed e) {
            throw e.getCause();
        }
        out.flush();
    }

    public List<InstanceTruth> instances() {
        return instances;
    }

    public Optional<InstanceTruth> instance(long baselineId, LocalDate bizdate, int inGroupId) {
        return Optional.ofNullable(byKey.get(new Key(baselineId, bizdate, inGroupId)));
    }

    private static void forEach(Scenario scenario, Consumer<InstanceTruth> sink) {
        for (LocalDate bizdate : scenario.bizdates()) {
            // Built afresh and let go date by date: the truth of a 30-day soak never holds more than a day of timelines.
            for (SimBaseline plan : scenario.instances(bizdate)) {
                sink.accept(truth(scenario, BaselineTimeline.of(scenario, plan, bizdate), bizdate));
            }
        }
    }

    static InstanceTruth truth(Scenario scenario, BaselineTimeline timeline, LocalDate bizdate) {
        SimBaseline plan = timeline.baseline();
        long finish = timeline.finishAt();
        Long finishAt = finish == BaselineTimeline.NEVER ? null : finish;
        boolean missed = finishAt == null || finishAt > plan.committedAt();
        Instant visibleAt = missed ? Instant.ofEpochMilli(visibleAt(scenario, timeline, bizdate)) : null;
        long committed = plan.committedAt();
        boolean withinClock = committed >= scenario.start().toEpochMilli() && committed <= scenario.end().toEpochMilli();
        return new InstanceTruth(plan.id(), bizdate, plan.inGroupId(), plan.priority(), plan.projectId(),
                plan.fate() != null ? plan.fate() : WrittenFates.classify(plan, finish),
                Instant.ofEpochMilli(committed), Instant.ofEpochMilli(plan.alertAt()),
                finishAt == null ? null : Instant.ofEpochMilli(finishAt), missed,
                finishAt != null && finishAt <= plan.alertAt(), visibleAt, withinClock);
    }

    /**
     * Scans from the later of the clock's start and the instance's run-day midnight (nothing can be
     * seen earlier), minute by minute, for the first answer showing trouble; the committed time at the latest.
     */
    private static long visibleAt(Scenario scenario, BaselineTimeline timeline, LocalDate bizdate) {
        long committed = timeline.baseline().committedAt();
        for (long t = Math.max(scenario.start().toEpochMilli(), scenario.runDayMidnight(bizdate)); t < committed; t += SCAN_STEP_MILLIS) {
            if (timeline.showsTrouble(t)) {
                return t;
            }
        }
        return committed;
    }
}
