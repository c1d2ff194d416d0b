package dev.baselinewatch.testing;

import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.source.reader.PolledRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;

/** Drives a split reader the way Flink's fetcher thread does, one {@code fetch()} at a time, keeping the changes. */
public final class SplitReaderDriver {

    private SplitReaderDriver() {}

    public static List<BaselineEvent> fetchOnce(SplitReader<PolledRecord, ?> reader) throws IOException {
        List<BaselineEvent> events = new ArrayList<>();
        RecordsWithSplitIds<PolledRecord> records = reader.fetch();
        while (records.nextSplit() != null) {
            PolledRecord record;
            while ((record = records.nextRecordFromSplit()) != null) {
                if (!record.isEndOfRound()) {
                    events.add(record.event());
                }
            }
        }
        records.recycle();
        return events;
    }
}
