package dev.baselinewatch.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The timelines the simulator answers from, built on first use per (baseline, business date, cycle)
 * and dropped once their business date is more than {@value #DAYS_KEPT_BEHIND} days behind the
 * simulated clock, so a month-long soak of hourly baselines holds a few days of instances, not all of
 * them. Timelines are pure functions of the scenario: a dropped one asked for again is built again,
 * the same. Safe for the simulator's request threads.
 */
final class TimelineCache {

    /** Hourly cycles of business date B run until B+2 (committed up to 47:59 on run day B+1). */
    static final int DAYS_KEPT_BEHIND = 2;

    private final Scenario scenario;
    private final Map<LocalDate, Day> kept = new ConcurrentHashMap<>();
    /** The window {@link #kept} was last trimmed to starts here. */
    private LocalDate keptFrom;
    /**
     * One business date outside the window, the last one asked for: a client reading an old (or far
     * future) date page by page gets it built once, not once per page, and memory stays bounded.
     */
    private Day spare;

    TimelineCache(Scenario scenario) {
        this.scenario = scenario;
    }

    /** The timelines of {@code bizdate} (one of the scenario's), as the cache keeps them at simulated time {@code now}. */
    synchronized Day day(LocalDate bizdate, long now) {
        LocalDate today = Instant.ofEpochMilli(now).atZone(scenario.zone()).toLocalDate();
        LocalDate from = today.minusDays(DAYS_KEPT_BEHIND);
        if (!from.equals(keptFrom)) {
            kept.keySet().removeIf(date -> date.isBefore(from) || date.isAfter(today));
            keptFrom = from;
        }
        if (!bizdate.isBefore(from) && !bizdate.isAfter(today)) {
            return kept.computeIfAbsent(bizdate, Day::new);
        }
        if (spare == null || !spare.bizdate.equals(bizdate)) {
            spare = new Day(bizdate);
        }
        return spare;
    }

    /** How many timelines are held: what the memory bound is about. */
    synchronized int size() {
        int size = kept.values().stream().mapToInt(day -> day.timelines.size()).sum();
        return size + (spare == null ? 0 : spare.timelines.size());
    }

    private record InstanceKey(long baselineId, int inGroupId) {}

    /** The timelines of one business date, built as they are asked for. */
    final class Day {

        private final LocalDate bizdate;
        private final Map<InstanceKey, BaselineTimeline> timelines = new ConcurrentHashMap<>();

        private Day(LocalDate bizdate) {
            this.bizdate = bizdate;
        }

        BaselineTimeline timeline(ScenarioBaseline baseline, int inGroupId) {
            return timelines.computeIfAbsent(new InstanceKey(baseline.id(), inGroupId),
                    key -> BaselineTimeline.of(scenario, scenario.planner().plan(baseline, bizdate, inGroupId), bizdate));
        }
    }
}
