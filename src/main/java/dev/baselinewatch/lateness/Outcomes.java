package dev.baselinewatch.lateness;

import dev.baselinewatch.alert.BaselineRef;
import dev.baselinewatch.event.InstanceKey;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** An instance's part in the lateness windows: its time at risk, and its outcome, handed over once per window. */
final class Outcomes {

    private Outcomes() {}

    static void trackAtRisk(InstanceState state, boolean atRisk, long now) {
        if (atRisk && state.atRiskSince == 0) {
            state.atRiskSince = now;
        } else if (!atRisk && state.atRiskSince != 0) {
            state.atRiskMillis += Math.max(0, now - state.atRiskSince);
            state.atRiskSince = 0;
        }
    }

    static Long committedAt(InstanceState state) {
        if (state.status != null && state.status.slaTime != null) {
            return state.status.slaTime;
        }
        return state.absent == null ? null : state.absent.expectedCommittedAt;
    }

    static boolean hourly(InstanceKey key, InstanceState state, AlertPolicy policy) {
        return key.inGroupId() > 1 || policy.hourlyBaselines().contains(key.baselineId())
                || state.baselineInfo != null && "HOURLY".equalsIgnoreCase(state.baselineInfo.type);
    }

    /**
     * Hands the outcome to the windows whose close has passed, or to all of them once the instance is
     * settled (finished, or given up); asks for a timer at the closes still ahead.
     */
    static void emitDue(InstanceKey key, InstanceState state, long now, boolean settled, AlertPolicy policy,
            Consumer<InstanceOutcome> out, LongConsumer timers) {
        if (state.status == null && state.absent == null) {
            // Never seen by DataWorks nor expected by its config: nothing to count.
            return;
        }
        Long committed = committedAt(state);
        int pending = 0;
        if ((state.outcomesEmitted & InstanceOutcome.DAY) == 0) {
            pending |= InstanceOutcome.DAY;
        }
        if ((state.outcomesEmitted & InstanceOutcome.HOUR) == 0 && hourly(key, state, policy) && committed != null) {
            pending |= InstanceOutcome.HOUR;
        }
        if (pending == 0) {
            return;
        }
        if (settled) {
            state.outcomesEmitted |= pending;
            out.accept(outcome(key, state, now, committed, pending));
            return;
        }
        for (int window : new int[] {InstanceOutcome.DAY, InstanceOutcome.HOUR}) {
            if ((pending & window) == 0) {
                continue;
            }
            long closesAt = window == InstanceOutcome.DAY
                    ? LatenessWindows.dayCloseAt(key.bizdate(), policy) : LatenessWindows.hourCloseAt(committed, policy);
            if (now >= closesAt) {
                // As it stood at the close, whatever time the judgement got to: the same whenever the timer fires.
                state.outcomesEmitted |= window;
                out.accept(outcome(key, state, closesAt, committed, window));
            } else {
                timers.accept(closesAt);
            }
        }
    }

    private static InstanceOutcome outcome(InstanceKey key, InstanceState state, long now, Long committed, int windows) {
        BaselineRef baseline = AlertFactory.baseline(key, state);
        InstanceOutcome o = new InstanceOutcome();
        o.instance = key.toString();
        o.baselineId = key.baselineId();
        o.baselineName = baseline.name;
        o.projectId = baseline.projectId;
        o.owner = baseline.owner;
        o.priority = baseline.priority;
        o.bizdate = key.bizdate().toString();
        o.inGroupId = key.inGroupId();
        o.windows = windows;
        o.committedAt = committed;
        o.finished = state.status != null && state.status.finished;
        long end = o.finished && state.status.finishTime != null ? state.status.finishTime : now;
        o.latenessMillis = committed == null ? null : end - committed;
        o.atRiskMillis = state.atRiskMillis + (state.atRiskSince == 0 ? 0 : Math.max(0, now - state.atRiskSince));
        o.at = now;
        return o;
    }
}
