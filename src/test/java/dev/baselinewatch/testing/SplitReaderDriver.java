package dev.baselinewatch.testing;

import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.source.reader.PolledRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;

/** Drives a split reader the way Flink's fetcher thread does, one {@code fetch()} at a time, keeping the changes. */
public final class SplitReaderDriver {

    private SplitReaderDriver() {}

    /** The DataWorks time of each end of round a fetch produced, by split id: what each split's watermark follows. */
    public static Map<String, List<Long>> roundTimes(SplitReader<PolledRecord, ?> reader, java.time.Duration duration) throws IOException {
        Map<String, List<Long>> rounds = new HashMap<>();
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            RecordsWithSplitIds<PolledRecord> records = reader.fetch();
            String split;
            while ((split = records.nextSplit()) != null) {
                PolledRecord record;
                while ((record = records.nextRecordFromSplit()) != null) {
                    if (record.isEndOfRound()) {
                        rounds.computeIfAbsent(split, k -> new ArrayList<>()).add(record.roundTime());
                    }
                }
            }
            records.recycle();
        }
        return rounds;
    }

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
