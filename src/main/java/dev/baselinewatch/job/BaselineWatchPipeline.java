package dev.baselinewatch.job;

import dev.baselinewatch.alert.Alert;
import dev.baselinewatch.alert.ForwardedEvent;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.lateness.LatenessFunction;
import java.time.Duration;
import java.time.ZoneId;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The dataflow: DataWorks source → keyBy baseline instance → lateness → alerts and events sinks.
 * Takes its source and sinks as parameters so tests can swap them. The uids are part of the
 * savepoint format: never change them.
 */
public final class BaselineWatchPipeline {

    public static final String SOURCE_UID = "dataworks-baseline-source";
    public static final String LATENESS_UID = "baseline-lateness";
    public static final String ALERTS_SINK_UID = "alerts-kafka-sink";
    public static final String EVENTS_SINK_UID = "events-kafka-sink";

    private BaselineWatchPipeline() {}

    public static void build(
            StreamExecutionEnvironment env,
            Source<BaselineEvent, ?, ?> source,
            int sourceParallelism,
            ZoneId projectZone,
            Duration retentionAfterFinish,
            Sink<Alert> alertSink,
            Sink<ForwardedEvent> eventSink) {
        // Watermarks come from the source itself (DataWorks time at the end of every poll round),
        // so no generator here; a reader without baselines marks itself idle.
        DataStream<BaselineEvent> events = env
                .fromSource(source, WatermarkStrategy.noWatermarks(), "DataWorks baselines")
                .setParallelism(sourceParallelism)
                .uid(SOURCE_UID);

        SingleOutputStreamOperator<Alert> alerts = events
                .keyBy(BaselineEvent::instanceKeyText)
                .process(new LatenessFunction(projectZone, retentionAfterFinish))
                .name("Lateness per baseline instance")
                .uid(LATENESS_UID);

        alerts.sinkTo(alertSink).name("Alerts to Kafka").uid(ALERTS_SINK_UID);
        alerts.getSideOutput(LatenessFunction.FORWARDED_EVENTS)
                .sinkTo(eventSink)
                .name("DataWorks events to Kafka")
                .uid(EVENTS_SINK_UID);
    }
}
