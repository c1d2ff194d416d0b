package dev.baselinewatch.lateness;

import static dev.baselinewatch.lateness.LatenessHarness.BIZDATE;
import static dev.baselinewatch.lateness.LatenessHarness.GRACE;
import static dev.baselinewatch.lateness.LatenessHarness.MINUTE;
import static dev.baselinewatch.lateness.LatenessHarness.SLA;
import static dev.baselinewatch.lateness.LatenessHarness.ZONE;
import static dev.baselinewatch.lateness.LatenessHarness.at;
import static dev.baselinewatch.lateness.LatenessHarness.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.alert.LatenessWindow;
import dev.baselinewatch.event.InstanceKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lateness windows, fed by the lateness function as in the job: outcomes at the finish or at the
 * close, windows published when DataWorks time passes their close, late outcomes dropped.
 */
class LatenessWindowFunctionTest {

    /** The DAY windows of business date 2026-12-02 close at the end of its run day, 2026-12-04 00:00 +08:00 by default. */
    private static final long DAY_CLOSE = at(24 * 60);

    private LatenessHarness h;
    private KeyedOneInputStreamOperatorTestHarness<String, InstanceOutcome, LatenessWindow> windows;
    private WindowAssigner assigner;
    private int pumped;

    @BeforeEach
    void open() throws Exception {
        AlertPolicy policy = LatenessHarness.defaults().withRepeats(Duration.ofMinutes(30), 0)
                .withWindows(Duration.ofHours(24), Duration.ofHours(1), Set.of());
        h = new LatenessHarness(policy);
        assigner = new WindowAssigner(policy);
        windows = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new LatenessWindowFunction(ZONE)), o -> o.windowId, Types.STRING);
        windows.open();
    }

    @AfterEach
    void close() throws Exception {
        windows.close();
        h.close();
    }

    @Test
    void dayWindowsOfBaselineAndProjectArePublishedAtTheCloseCountingEachInstanceOnce() throws Exception {
        InstanceKey onTime = new InstanceKey(1001, BIZDATE, 1);
        h.send(status(onTime, "SAFE", at(160), false, null), at(10));
        h.send(status(onTime, "SAFE", at(160), true, at(160)), at(161));
        h.send(status("DANGEROUS", SLA + 30 * MINUTE, false, null), at(100));
        watermark(SLA);
        h.send(LatenessHarness.finished(SLA + 30 * MINUTE), SLA + 31 * MINUTE);
        watermark(DAY_CLOSE - 1);
        assertThat(windows.extractOutputValues()).as("nothing before the close").isEmpty();

        watermark(DAY_CLOSE);
        Map<String, LatenessWindow> byId = published();
        assertThat(byId).containsOnlyKeys("BASELINE:1001:2026-12-02:DAY", "BASELINE:1002:2026-12-02:DAY", "PROJECT:10:2026-12-02:DAY");
        LatenessWindow late = byId.get("BASELINE:1002:2026-12-02:DAY");
        assertThat(late.instances).isEqualTo(1);
        assertThat(late.finished).isEqualTo(1);
        assertThat(late.late).isEqualTo(1);
        assertThat(late.totalLatenessSeconds).isEqualTo(30 * 60);
        assertThat(late.maxLatenessSeconds).isEqualTo(30 * 60);
        // At risk from 01:40, when the projection passed the alert time, to the finish at 05:31.
        assertThat(late.atRiskSeconds).isEqualTo((SLA + 31 * MINUTE - at(100)) / 1000);
        assertThat(late.lateInstances).containsExactly("1002:2026-12-02:1");
        assertThat(late.baseline.name).isEqualTo("payments_daily");
        assertThat(late.closedAt).isEqualTo("2026-12-04T00:00+08:00");

        LatenessWindow project = byId.get("PROJECT:10:2026-12-02:DAY");
        assertThat(project.instances).isEqualTo(2);
        assertThat(project.late).isEqualTo(1);
        assertThat(project.baseline).isNull();
        assertThat(byId.get("BASELINE:1001:2026-12-02:DAY").late).isZero();

        assertThat(windows.numKeyedStateEntries()).isZero();
        assertThat(windows.numEventTimeTimers()).isZero();
    }

    @Test
    void anUnfinishedInstanceCountsAsLateAtTheCloseAndItsLaterFinishIsLateDataDropped() throws Exception {
        h.send(status("OVER", SLA + 60 * MINUTE, false, null), at(100));
        watermark(DAY_CLOSE);
        LatenessWindow window = published().get("BASELINE:1002:2026-12-02:DAY");
        assertThat(window.unfinished).isEqualTo(1);
        assertThat(window.late).isEqualTo(1);
        assertThat(window.totalLatenessSeconds).isEqualTo((DAY_CLOSE - SLA) / 1000);
        assertThat(h.outcomes()).singleElement().satisfies(o -> assertThat(o.finished).isFalse());

        // It finishes after the close: the window is not published again, and keeps no state for it.
        h.send(LatenessHarness.finished(DAY_CLOSE + 10 * MINUTE), DAY_CLOSE + 11 * MINUTE);
        InstanceOutcome tooLate = h.outcomes().get(0).copy();
        tooLate.finished = true;
        feed(tooLate);
        watermark(DAY_CLOSE + 11 * MINUTE + GRACE.toMillis());
        assertThat(h.outcomes()).as("the instance owed no window anything more").hasSize(1);
        assertThat(windows.extractOutputValues()).hasSize(2);
        assertThat(windows.numKeyedStateEntries()).isZero();
        assertThat(windows.numEventTimeTimers()).isZero();
        h.assertForgotten();
    }

    @Test
    void hourlyBaselinesAlsoGetWindowsPerHourOfCommittedTime() throws Exception {
        InstanceKey cycle5 = new InstanceKey(1002, BIZDATE, 5);
        h.send(status(cycle5, "OVER", SLA + 90 * MINUTE, false, null), at(100));
        h.send(status(cycle5, "OVER", SLA + 20 * MINUTE, true, SLA + 20 * MINUTE), SLA + 21 * MINUTE);
        long hourClose = at(6 * 60) + GRACE.toMillis();
        watermark(hourClose - 1);
        assertThat(windows.extractOutputValues()).isEmpty();

        watermark(hourClose);
        Map<String, LatenessWindow> byId = published();
        assertThat(byId).containsOnlyKeys("BASELINE:1002:2026-12-02:HOUR05", "PROJECT:10:2026-12-02:HOUR05");
        LatenessWindow hour = byId.get("BASELINE:1002:2026-12-02:HOUR05");
        assertThat(hour.granularity).isEqualTo("HOUR");
        assertThat(hour.hourStart).isEqualTo("2026-12-03T05:00+08:00");
        assertThat(hour.totalLatenessSeconds).isEqualTo(20 * 60);

        watermark(DAY_CLOSE);
        assertThat(published()).containsKeys("BASELINE:1002:2026-12-02:DAY", "PROJECT:10:2026-12-02:DAY");
    }

    @Test
    void anInstanceThatWasNeverExpectedNorSeenCountsNowhere() throws Exception {
        h.send(LatenessHarness.blind(true, null), at(100));
        watermark(DAY_CLOSE);
        assertThat(h.outcomes()).isEmpty();
    }

    private void watermark(long time) throws Exception {
        h.watermark(time);
        pump();
        windows.processWatermark(time);
    }

    private void pump() throws Exception {
        List<InstanceOutcome> all = h.outcomes();
        for (; pumped < all.size(); pumped++) {
            feed(all.get(pumped));
        }
    }

    private void feed(InstanceOutcome outcome) throws Exception {
        List<InstanceOutcome> assigned = new ArrayList<>();
        assigner.flatMap(outcome, new org.apache.flink.api.common.functions.util.ListCollector<>(assigned));
        for (InstanceOutcome o : assigned) {
            windows.processElement(o, o.at);
        }
    }

    private Map<String, LatenessWindow> published() {
        return windows.extractOutputValues().stream().collect(Collectors.toMap(w -> w.windowId, Function.identity()));
    }
}
