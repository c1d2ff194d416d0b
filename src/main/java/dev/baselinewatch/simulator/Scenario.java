package dev.baselinewatch.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated scenario: the baselines the simulator serves over {@code days} run days, each with an
 * instance for every business date and cycle, planned on demand (a 30-day hourly soak is too many
 * instances to hold at once). {@link ScenarioLoader} makes one from a file.
 */
public final class Scenario {

    private final String name;
    private final ZoneId zone;
    private final Instant start;
    private final double speed;
    private final Instant end;
    private final Map<String, String> accessKeys;
    private final LocalDate firstBizdate;
    private final int days;
    private final List<ScenarioBaseline> definitions;
    private final List<Fault> faults;
    private final Map<Long, List<ScenarioBaseline>> byId = new LinkedHashMap<>();
    private final Map<Long, String> types = new HashMap<>();
    private final InstancePlanner planner;
    private final int instancesPerBizdate;

    Scenario(String name, ZoneId zone, Instant start, double speed, Instant end, Map<String, String> accessKeys,
            LocalDate firstBizdate, int days, List<ScenarioBaseline> definitions, List<Fault> faults, InstanceIds ids) {
        this.name = name;
        this.zone = zone;
        this.start = start;
        this.speed = speed;
        this.end = end;
        this.accessKeys = Map.copyOf(accessKeys);
        this.firstBizdate = firstBizdate;
        this.days = days;
        this.definitions = List.copyOf(definitions);
        this.faults = List.copyOf(faults);
        int count = 0;
        for (ScenarioBaseline b : this.definitions) {
            byId.computeIfAbsent(b.id(), id -> new ArrayList<>()).add(b);
            count += b.inGroupIds().size();
        }
        this.instancesPerBizdate = count;
        byId.forEach((id, entries) -> types.put(id, entries.stream().anyMatch(b -> b.hourly() || b.inGroupIds().get(0) > 1) ? "HOURLY" : "DAILY"));
        this.planner = new InstancePlanner(zone, firstBizdate, ids);
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Simulated time when the simulator starts: {@code clock.start} on the first run day. */
    public Instant start() {
        return start;
    }

    public double speed() {
        return speed;
    }

    /** When demos and tests consider the scenario over: {@code clock.end} on the last run day. */
    public Instant end() {
        return end;
    }

    public Map<String, String> accessKeys() {
        return accessKeys;
    }

    /** The FIRST business date: the day before the first run day. */
    public LocalDate bizdate() {
        return firstBizdate;
    }

    /** The last business date: the day before the last run day. */
    public LocalDate lastBizdate() {
        return firstBizdate.plusDays(days - 1L);
    }

    /** Every business date with instances, first to last. */
    public List<LocalDate> bizdates() {
        return firstBizdate.datesUntil(firstBizdate.plusDays(days)).toList();
    }

    /** How many run days ({@code clock.days}). */
    public int days() {
        return days;
    }

    public boolean hasBizdate(LocalDate bizdate) {
        return !bizdate.isBefore(firstBizdate) && !bizdate.isAfter(lastBizdate());
    }

    /** The baselines as the file defines them (written ones first, then generated ones): the order of list answers. */
    public List<ScenarioBaseline> definitions() {
        return definitions;
    }

    /** The entries of one baseline id (several when a written baseline lists its cycles one by one); empty if unknown. */
    public List<ScenarioBaseline> definitions(long baselineId) {
        return byId.getOrDefault(baselineId, List.of());
    }

    /** Distinct baseline ids, in scenario order. */
    public List<Long> baselineIds() {
        return List.copyOf(byId.keySet());
    }

    /** {@code HOURLY} when the baseline has cycles ({@code cycles:}, or an {@code inGroupId} above 1), else {@code DAILY}. */
    public String baselineType(long baselineId) {
        return types.getOrDefault(baselineId, "DAILY");
    }

    /** Instances of one business date: every baseline's every cycle. */
    public int instancesPerBizdate() {
        return instancesPerBizdate;
    }

    /** The first business date's instances, every cycle, in scenario order. */
    public List<SimBaseline> baselines() {
        return instances(firstBizdate);
    }

    /** The instances of {@code bizdate} in scenario order; empty outside the scenario's business dates. */
    public List<SimBaseline> instances(LocalDate bizdate) {
        if (!hasBizdate(bizdate)) {
            return List.of();
        }
        List<SimBaseline> instances = new ArrayList<>(instancesPerBizdate);
        for (ScenarioBaseline b : definitions) {
            for (int inGroupId : b.inGroupIds()) {
                instances.add(planner.plan(b, bizdate, inGroupId));
            }
        }
        return instances;
    }

    /** One instance's plan, if the scenario has that baseline, business date and cycle. */
    public Optional<SimBaseline> baseline(long baselineId, LocalDate bizdate, int inGroupId) {
        return definition(baselineId, inGroupId).filter(b -> hasBizdate(bizdate)).map(b -> planner.plan(b, bizdate, inGroupId));
    }

    /** The entry that makes cycle {@code inGroupId} of a baseline. */
    public Optional<ScenarioBaseline> definition(long baselineId, int inGroupId) {
        return definitions(baselineId).stream().filter(b -> b.hasCycle(inGroupId)).findFirst();
    }

    public List<Fault> faults() {
        return faults;
    }

    InstancePlanner planner() {
        return planner;
    }

    /** Midnight starting the run day of {@code bizdate} (the day after it): what scenario times count from. */
    long runDayMidnight(LocalDate bizdate) {
        return planner.runDayMidnight(bizdate);
    }

    /**
     * One baseline instance: committed time, alert margin and its key path in run order, in absolute epoch milliseconds.
     *
     * @param fate the fate a generated instance was given; null for a written one ({@link ScenarioTruth} classifies those)
     */
    public record SimBaseline(
            long id,
            String name,
            String owner,
            long projectId,
            int priority,
            int inGroupId,
            long committedAt,
            long alertAt,
            List<SimNode> nodes,
            Fate fate) {}

    /** How a key-path node runs. */
    public enum Outcome {
        SUCCESS,
        FAILURE,
        /** Stays NOT_RUN: held back by something outside the key path (a frozen upstream, a missing file). */
        NEVER_STARTS
    }

    /**
     * A key-path node instance. Forecasts ({@code plannedStart}, {@code expectedMillis}) are what
     * DataWorks knows from history; {@code actualMillis}, {@code waitForResourcesMillis} and the
     * outcome are what really happens.
     */
    public record SimNode(
            long nodeId,
            long instanceId,
            String name,
            String owner,
            int prgType,
            long plannedStart,
            long expectedMillis,
            long actualMillis,
            long waitForResourcesMillis,
            Outcome outcome,
            Long rerunAfterMillis,
            long rerunMillis) {}
}
