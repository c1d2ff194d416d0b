package dev.baselinewatch.bench;

import dev.baselinewatch.alert.Alert;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.event.EventType;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The least a keyed operator on the same stream can do: one state read and write per event, the
 * state dropped when the instance finishes. The throughput benchmark's floor: what is left between
 * it and the lateness function is the lateness function's own work.
 */
final class KeyedStateFloor extends KeyedProcessFunction<String, BaselineEvent, Alert> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<Long> seen;

    @Override
    public void open(OpenContext openContext) {
        seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Long.class));
    }

    @Override
    public void processElement(BaselineEvent event, Context ctx, Collector<Alert> out) throws Exception {
        if (event.type == EventType.STATUS && event.status.finished) {
            seen.clear();
            return;
        }
        Long count = seen.value();
        seen.update(count == null ? 1 : count + 1);
    }
}
