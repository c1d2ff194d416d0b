package dev.baselinewatch.lateness;

import java.time.LocalDate;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Sends an instance's outcome to each window it counts in: its baseline's and its project's, per day and per hour. */
public final class WindowAssigner implements FlatMapFunction<InstanceOutcome, InstanceOutcome> {

    private static final long serialVersionUID = 1L;

    private final AlertPolicy policy;

    public WindowAssigner(AlertPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void flatMap(InstanceOutcome outcome, Collector<InstanceOutcome> out) {
        LocalDate bizdate = LocalDate.parse(outcome.bizdate);
        if ((outcome.windows & InstanceOutcome.DAY) != 0) {
            long closesAt = LatenessWindows.dayCloseAt(bizdate, policy);
            out.collect(to(outcome, LatenessWindows.dayWindowId("BASELINE", outcome.baselineId, outcome.bizdate), closesAt));
            if (outcome.projectId != null) {
                out.collect(to(outcome, LatenessWindows.dayWindowId("PROJECT", outcome.projectId, outcome.bizdate), closesAt));
            }
        }
        if ((outcome.windows & InstanceOutcome.HOUR) != 0 && outcome.committedAt != null) {
            long hour = LatenessWindows.hourOfRunDay(bizdate, outcome.committedAt, policy.zone());
            long closesAt = LatenessWindows.hourCloseAt(outcome.committedAt, policy);
            out.collect(to(outcome, LatenessWindows.hourWindowId("BASELINE", outcome.baselineId, outcome.bizdate, hour), closesAt));
            if (outcome.projectId != null) {
                out.collect(to(outcome, LatenessWindows.hourWindowId("PROJECT", outcome.projectId, outcome.bizdate, hour), closesAt));
            }
        }
    }

    private static InstanceOutcome to(InstanceOutcome outcome, String windowId, long closesAt) {
        InstanceOutcome copy = outcome.copy();
        copy.windowId = windowId;
        copy.windowClosesAt = closesAt;
        return copy;
    }
}
