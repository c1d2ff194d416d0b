package dev.baselinewatch.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated scenario: the baselines the simulator serves, each one instance on the business date
 * before the clock's start day, with its key path planned in absolute epoch milliseconds.
 */
public record Scenario(
        String name,
        ZoneId zone,
        Instant start,
        double speed,
        Instant end,
        Map<String, String> accessKeys,
        LocalDate bizdate,
        List<SimBaseline> baselines,
        List<Fault> faults) {

    public Optional<SimBaseline> baseline(long baselineId, LocalDate bizdate, int inGroupId) {
        if (!bizdate.equals(this.bizdate)) {
            return Optional.empty();
        }
        return baselines.stream().filter(b -> b.id() == baselineId && b.inGroupId() == inGroupId).findFirst();
    }

    /** One baseline instance: committed time, alert margin and its key path in run order. */
    public record SimBaseline(
            long id,
            String name,
            String owner,
            long projectId,
            int priority,
            int inGroupId,
            long committedAt,
            long alertAt,
            List<SimNode> nodes) {}

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
