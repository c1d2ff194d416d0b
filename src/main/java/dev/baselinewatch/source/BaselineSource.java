package dev.baselinewatch.source;

import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.source.enumerator.BaselineEnumState;
import dev.baselinewatch.source.enumerator.BaselineEnumStateSerializer;
import dev.baselinewatch.source.enumerator.BaselineSplitEnumerator;
import dev.baselinewatch.source.reader.BaselineSourceReader;
import dev.baselinewatch.source.reader.CoordinatorLink;
import dev.baselinewatch.source.reader.BaselineSplitReader;
import dev.baselinewatch.source.split.BaselineSplit;
import dev.baselinewatch.source.split.BaselineSplitSerializer;
import java.time.ZoneId;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * FLIP-27 source of {@link BaselineEvent}s polled from the DataWorks OpenAPI. Serializable wiring
 * only: the API client and the fetcher thread are created in {@link #createReader}. Not final: the
 * calls benchmark's naive poller (test scope) is this source with another reader.
 */
public class BaselineSource
        implements Source<BaselineEvent, BaselineSplit, BaselineEnumState>, ResultTypeQueryable<BaselineEvent> {

    private static final long serialVersionUID = 1L;

    private final WatchSpec watch;
    private final String projectZone;
    private final PollingOptions polling;
    private final DataWorksApiFactory apiFactory;

    public BaselineSource(WatchSpec watch, ZoneId projectZone, PollingOptions polling, DataWorksApiFactory apiFactory) {
        this.watch = watch;
        this.projectZone = projectZone.getId();
        this.polling = polling;
        this.apiFactory = apiFactory;
    }

    protected ZoneId projectZone() {
        return ZoneId.of(projectZone);
    }

    protected PollingOptions polling() {
        return polling;
    }

    protected DataWorksApiFactory apiFactory() {
        return apiFactory;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<BaselineEvent, BaselineSplit> createReader(SourceReaderContext context) {
        ZoneId zone = projectZone();
        CoordinatorLink link = CoordinatorLink.toEnumerator();
        return new BaselineSourceReader(
                () -> new BaselineSplitReader(apiFactory.create(), zone, polling, context.metricGroup(), context.currentParallelism(), link),
                new Configuration(),
                context,
                link);
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

    /** Readers worth running: never more than named baselines, unless discovery may find more. */
    public int usefulParallelism(int wanted) {
        return watch.maxUsefulReaders(wanted);
    }
}
