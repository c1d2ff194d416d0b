package dev.baselinewatch.lateness;

import dev.baselinewatch.alert.BaselineRef;
import dev.baselinewatch.alert.LatenessWindow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * One lateness window, keyed by its id: collects the outcomes of its instances and publishes the
 * summary when the watermark (DataWorks time) passes its close. An outcome for a window that already
 * closed is late data: dropped and counted ({@code lateOutcomesDropped}), never a second record
 * for the same window. Its state goes with the close.
 */
public class LatenessWindowFunction extends KeyedProcessFunction<String, InstanceOutcome, LatenessWindow> {

    private static final long serialVersionUID = 1L;

    private final String zoneId;
    private transient MapState<String, InstanceOutcome> instances;
    private transient Counter lateDropped;

    public LatenessWindowFunction(ZoneId zone) {
        this.zoneId = zone.getId();
    }

    @Override
    public void open(OpenContext openContext) {
        instances = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("window-instances-v1", String.class, InstanceOutcome.class));
        lateDropped = getRuntimeContext().getMetricGroup().counter("lateOutcomesDropped");
    }

    @Override
    public void processElement(InstanceOutcome outcome, Context ctx, Collector<LatenessWindow> out) throws Exception {
        if (outcome.windowClosesAt <= ctx.timerService().currentWatermark()) {
            lateDropped.inc();
            return;
        }
        // The latest word on an instance wins; an instance counts once.
        instances.put(outcome.instance, outcome);
        ctx.timerService().registerEventTimeTimer(outcome.windowClosesAt);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<LatenessWindow> out) throws Exception {
        List<InstanceOutcome> all = new ArrayList<>();
        instances.values().forEach(all::add);
        instances.clear();
        if (!all.isEmpty()) {
            out.collect(summary(ctx.getCurrentKey(), all, timestamp));
        }
    }

    LatenessWindow summary(String windowId, List<InstanceOutcome> all, long closedAt) {
        ZoneId zone = ZoneId.of(zoneId);
        String[] parts = windowId.split(":");
        InstanceOutcome first = all.get(0);
        LatenessWindow w = new LatenessWindow();
        w.windowId = windowId;
        w.scope = parts[0];
        w.granularity = parts[3].startsWith("HOUR") ? "HOUR" : "DAY";
        w.bizdate = first.bizdate;
        w.projectId = first.projectId;
        if ("BASELINE".equals(w.scope)) {
            w.baseline = new BaselineRef();
            w.baseline.id = first.baselineId;
            w.baseline.name = first.baselineName;
            w.baseline.projectId = first.projectId;
            w.baseline.owner = first.owner;
            w.baseline.priority = first.priority;
        }
        if ("HOUR".equals(w.granularity) && first.committedAt != null) {
            w.hourStart = iso(LatenessWindows.hourStart(first.committedAt, zone), zone);
        }
        w.closedAt = iso(closedAt, zone);
        List<String> late = new ArrayList<>();
        for (InstanceOutcome o : all.stream().sorted(Comparator.comparing((InstanceOutcome o) -> o.instance)).toList()) {
            w.instances++;
            if (o.finished) {
                w.finished++;
            } else {
                w.unfinished++;
            }
            if (o.late()) {
                w.late++;
                late.add(o.instance);
                w.totalLatenessSeconds += o.latenessMillis / 1000;
                w.maxLatenessSeconds = Math.max(w.maxLatenessSeconds, o.latenessMillis / 1000);
            }
            w.atRiskSeconds += o.atRiskMillis / 1000;
        }
        w.lateInstances = late.toArray(String[]::new);
        return w;
    }

    private static String iso(long millis, ZoneId zone) {
        return Instant.ofEpochMilli(millis).atZone(zone).toOffsetDateTime().toString();
    }
}
