package dev.baselinewatch.simulator;

import dev.baselinewatch.simulator.Scenario.SimBaseline;
import dev.baselinewatch.simulator.Scenario.SimNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Places a scenario baseline on one business date and cycle: times counted from that business date's
 * run-day midnight and shifted for the cycle, the nodes' instance ids, and, for a generated baseline,
 * the fate drawn for exactly this (baseline, business date, cycle). Pure: the same arguments always
 * give the same plan, so plans can be dropped and made again.
 */
final class InstancePlanner {

    private final ZoneId zone;
    private final LocalDate firstBizdate;
    private final InstanceIds ids;

    InstancePlanner(ZoneId zone, LocalDate firstBizdate, InstanceIds ids) {
        this.zone = zone;
        this.firstBizdate = firstBizdate;
        this.ids = ids;
    }

    SimBaseline plan(ScenarioBaseline b, LocalDate bizdate, int inGroupId) {
        int dayIndex = (int) ChronoUnit.DAYS.between(firstBizdate, bizdate);
        long midnight = runDayMidnight(bizdate);
        long shift = b.shift(inGroupId);
        long committedAt = midnight + b.committedOffset() + shift;
        List<SimNode> nodes = new ArrayList<>(b.nodes().size());
        for (ScenarioNode n : b.nodes()) {
            nodes.add(new SimNode(n.nodeId(), ids.instanceId(n.nodeId(), dayIndex, inGroupId), n.name(), n.owner(), n.prgType(),
                    n.plannedStart() == null ? Long.MIN_VALUE : midnight + n.plannedStart() + shift,
                    n.expectedMillis(), n.actualMillis(), n.waitForResourcesMillis(), n.outcome(), n.rerunAfterMillis(), n.rerunMillis()));
        }
        Fate fate = null;
        if (b.generated()) {
            // One stream per instance, from its identity alone: days and cycles differ, and no draw depends on another's.
            SeededRandom random = SeededRandom.of(b.seed(), b.id(), bizdate.toEpochDay(), inGroupId);
            fate = b.fates().pick(random.nextDouble());
            nodes = GeneratedFates.apply(fate, nodes, committedAt, b.alertMargin(), random);
        }
        return new SimBaseline(b.id(), b.name(), b.owner(), b.projectId(), b.priority(), inGroupId, committedAt,
                committedAt - b.alertMargin(), List.copyOf(nodes), fate);
    }

    /** Which business date and cycle a node instance id belongs to; null if none. */
    InstanceIds.NodeInstance decode(long instanceId) {
        return ids.decode(instanceId);
    }

    LocalDate bizdate(int dayIndex) {
        return firstBizdate.plusDays(dayIndex);
    }

    /** Daily work runs the day after its business date: scenario times count from that day's midnight. */
    long runDayMidnight(LocalDate bizdate) {
        return bizdate.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
