package dev.baselinewatch.source;

import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.source.enumerator.BaselineEnumState;
import dev.baselinewatch.source.enumerator.BaselineEnumStateSerializer;
import dev.baselinewatch.source.enumerator.BaselineSplitEnumerator;
import dev.baselinewatch.source.reader.NaiveSourceReader;
import dev.baselinewatch.source.reader.NaiveSplitReader;
import dev.baselinewatch.source.split.BaselineSplit;
import dev.baselinewatch.source.split.BaselineSplitSerializer;
import java.time.Duration;
import java.time.ZoneId;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A second FLIP-27 source of {@link BaselineEvent}s, for the calls benchmark only: the real source's
 * enumerator (same discovery, same splits), split format and emitter, with a naive poller
 * ({@link NaiveSplitReader}) in place of the urgency-driven one. Test scope: never shipped.
 */
public final class NaiveBaselineSource
        implements Source<BaselineEvent, BaselineSplit, BaselineEnumState>, ResultTypeQueryable<BaselineEvent> {

    private static final long serialVersionUID = 1L;

    private final WatchSpec watch;
    private final String projectZone;
    private final PollingOptions polling;
    private final DataWorksApiFactory apiFactory;

    public NaiveBaselineSource(WatchSpec watch, ZoneId projectZone, PollingOptions polling, DataWorksApiFactory apiFactory) {
        this.watch = watch;
        this.projectZone = projectZone.getId();
        this.polling = polling;
        this.apiFactory = apiFactory;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<BaselineEvent, BaselineSplit> createReader(SourceReaderContext context) {
        ZoneId zone = ZoneId.of(projectZone);
        Duration interval = polling.pollInterval();
        return new NaiveSourceReader(() -> new NaiveSplitReader(apiFactory.create(), zone, interval), context);
    }

    @Override
    public SplitEnumerator<BaselineSplit, BaselineEnumState> createEnumerator(SplitEnumeratorContext<BaselineSplit> context) {
        return restoreEnumerator(context, null);
    }

    @Override
    public SplitEnumerator<BaselineSplit, BaselineEnumState> restoreEnumerator(
            SplitEnumeratorContext<BaselineSplit> context, BaselineEnumState checkpoint) {
        return new BaselineSplitEnumerator(context, watch, polling.budget(), apiFactory::create, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<BaselineSplit> getSplitSerializer() {
        return BaselineSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<BaselineEnumState> getEnumeratorCheckpointSerializer() {
        return new BaselineEnumStateSerializer();
    }

    @Override
    public TypeInformation<BaselineEvent> getProducedType() {
        return TypeInformation.of(BaselineEvent.class);
    }

    public int usefulParallelism(int wanted) {
        return watch.maxUsefulReaders(wanted);
    }
}
