package dev.baselinewatch.job;

import dev.baselinewatch.alert.Alert;
import dev.baselinewatch.alert.ForwardedEvent;
import dev.baselinewatch.alert.LatenessWindow;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.lateness.AlertPolicy;
import dev.baselinewatch.lateness.LatenessFunction;
import dev.baselinewatch.lateness.LatenessWindowFunction;
import dev.baselinewatch.lateness.WindowAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The dataflow: DataWorks source → keyBy baseline instance → lateness → alerts and events sinks;
 * lateness outcomes → keyBy window → lateness windows sink. Takes its source and sinks as
 * parameters so tests can swap them. The uids are part of the savepoint format: never change them.
 */
public final class BaselineWatchPipeline {

    public static final String SOURCE_UID = "dataworks-baseline-source";
    public static final String LATENESS_UID = "baseline-lateness";
    public static final String ALERTS_SINK_UID = "alerts-kafka-sink";
    public static final String EVENTS_SINK_UID = "events-kafka-sink";
    public static final String WINDOW_ASSIGNER_UID = "lateness-window-assigner";
    public static final String LATENESS_WINDOWS_UID = "lateness-windows";
    public static final String LATENESS_SINK_UID = "lateness-kafka-sink";

    private BaselineWatchPipeline() {}

    public static void build(
            StreamExecutionEnvironment env,
            Source<BaselineEvent, ?, ?> source,
            int sourceParallelism,
            AlertPolicy policy,
            Sink<Alert> alertSink,
            Sink<ForwardedEvent> eventSink,
            Sink<LatenessWindow> latenessSink) {
        // Watermarks come from the source itself (DataWorks time at the end of every poll round),
        // so no generator here. A reader with no split holds no watermark back (the runtime counts it idle;
        // BaselineSourceITCase runs one).
        DataStream<BaselineEvent> events = env
                .fromSource(source, WatermarkStrategy.noWatermarks(), "DataWorks baselines")
                .setParallelism(sourceParallelism)
                .uid(SOURCE_UID);

        SingleOutputStreamOperator<Alert> alerts = events
                .keyBy(BaselineEvent::instanceKeyText)
                .process(new LatenessFunction(policy))
                .name("Lateness per baseline instance")
                .uid(LATENESS_UID);

        alerts.sinkTo(alertSink).name("Alerts to Kafka").uid(ALERTS_SINK_UID);
        alerts.getSideOutput(LatenessFunction.FORWARDED_EVENTS)
                .sinkTo(eventSink)
                .name("DataWorks events to Kafka")
                .uid(EVENTS_SINK_UID);
        // Same watermark as the alerts (side outputs carry it): windows close on DataWorks time.
        alerts.getSideOutput(LatenessFunction.OUTCOMES)
                .flatMap(new WindowAssigner(policy))
                .name("Outcomes to their windows")
                .uid(WINDOW_ASSIGNER_UID)
                .keyBy(outcome -> outcome.windowId)
                .process(new LatenessWindowFunction(policy.zone()))
                .name("Lateness windows per baseline and project")
                .uid(LATENESS_WINDOWS_UID)
                .sinkTo(latenessSink)
                .name("Lateness windows to Kafka")
                .uid(LATENESS_SINK_UID);
    }
}
