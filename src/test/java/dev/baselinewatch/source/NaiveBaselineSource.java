package dev.baselinewatch.source;

import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.source.reader.NaiveSourceReader;
import dev.baselinewatch.source.reader.NaiveSplitReader;
import dev.baselinewatch.source.split.BaselineSplit;
import java.time.Duration;
import java.time.ZoneId;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;

/**
 * A second FLIP-27 source of {@link BaselineEvent}s, for the calls benchmark only: the real source's
 * enumerator (same discovery, same splits), split format and emitter, with a naive poller
 * ({@link NaiveSplitReader}) in place of the urgency-driven one. Test scope: never shipped.
 */
public final class NaiveBaselineSource extends BaselineSource {

    private static final long serialVersionUID = 1L;

    public NaiveBaselineSource(WatchSpec watch, ZoneId projectZone, PollingOptions polling, DataWorksApiFactory apiFactory) {
        super(watch, projectZone, polling, apiFactory);
    }

    @Override
    public SourceReader<BaselineEvent, BaselineSplit> createReader(SourceReaderContext context) {
        ZoneId zone = projectZone();
        Duration interval = polling().pollInterval();
        return new NaiveSourceReader(() -> new NaiveSplitReader(apiFactory().create(), zone, interval), context);
    }
}
