package dev.baselinewatch.bench;

import dev.baselinewatch.alert.Alert;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.lateness.AlertPolicy;
import dev.baselinewatch.lateness.LatenessFunction;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.runtime.state.storage.JobManagerCheckpointStorage;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * The lateness function alone in Flink's keyed operator harness (heap state backend, as the job's
 * default), fed {@link SyntheticLives}, with its metrics readable: for measuring what its state
 * weighs and that it lets go of it. Outputs are dropped as they come, as the sinks would take them.
 */
final class LatenessUnderTest implements AutoCloseable {

    final KeyedOneInputStreamOperatorTestHarness<String, BaselineEvent, Alert> harness;
    private final InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
    private long alerts;
    private long checkpointId;

    LatenessUnderTest(AlertPolicy policy) throws Exception {
        InterceptingOperatorMetricGroup operatorMetrics = metrics;
        UnregisteredMetricGroups.UnregisteredTaskMetricGroup task = new UnregisteredMetricGroups.UnregisteredTaskMetricGroup() {
            @Override
            public InternalOperatorMetricGroup getOrAddOperator(OperatorID operatorID, String name, Map<String, String> additionalVariables) {
                return operatorMetrics;
            }
        };
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new LatenessFunction(policy)),
                BaselineEvent::instanceKeyText, Types.STRING, new MockEnvironmentBuilder().setMetricGroup(task).build());
        // The default in-memory checkpoint storage refuses snapshots over 5 MB; the benchmark weighs far bigger ones.
        harness.setCheckpointStorage(new JobManagerCheckpointStorage(Integer.MAX_VALUE));
        harness.open();
    }

    /** Events {@code from} (inclusive) to {@code to} (exclusive) of the lives, the watermark following every {@code watermarkEvery}. */
    void feed(SyntheticLives lives, long from, long to, int watermarkEvery) throws Exception {
        for (long seq = from; seq < to; seq++) {
            BaselineEvent event = lives.event(seq);
            harness.processElement(event, event.observedAt);
            if ((seq + 1) % watermarkEvery == 0 || seq == to - 1) {
                harness.processWatermark(event.observedAt);
                dropOutputs();
            }
        }
    }

    private void dropOutputs() {
        alerts += harness.getOutput().stream().filter(o -> o instanceof StreamRecord).count();
        harness.getOutput().clear();
        var forwarded = harness.getSideOutput(LatenessFunction.FORWARDED_EVENTS);
        if (forwarded != null) {
            forwarded.clear();
        }
        var outcomes = harness.getSideOutput(LatenessFunction.OUTCOMES);
        if (outcomes != null) {
            outcomes.clear();
        }
    }

    /** Alert records published so far. */
    long alerts() {
        return alerts;
    }

    long instancesOpened() {
        return ((Counter) metrics.get("instancesOpened")).getCount();
    }

    long instancesForgotten() {
        return ((Counter) metrics.get("instancesForgotten")).getCount();
    }

    long liveInstances() {
        return instancesOpened() - instancesForgotten();
    }

    /** Bytes of a checkpoint of this operator's keyed state (timers included), as the checkpoint storage would receive them. */
    long checkpointBytes() throws Exception {
        OperatorSubtaskState snapshot = harness.snapshot(++checkpointId, checkpointId);
        return snapshot.getManagedKeyedState().getStateSize() + snapshot.getRawKeyedState().getStateSize();
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
