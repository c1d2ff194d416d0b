package dev.baselinewatch.source.reader;

import dev.baselinewatch.dataworks.ErrorClass;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/** Calls by action and failures by class, registered in Flink's metric system under {@code dataworks}. */
final class PollCounters {

    private final MetricGroup group;
    private final Map<String, Counter> succeeded = new HashMap<>();
    private final Map<ErrorClass, Counter> failed = new EnumMap<>(ErrorClass.class);

    PollCounters(MetricGroup parent) {
        this.group = parent.addGroup("dataworks");
    }

    void succeeded(String action) {
        succeeded.computeIfAbsent(action, a -> group.addGroup("action", a).counter("callsSucceeded")).inc();
    }

    void failed(ErrorClass errorClass) {
        failed.computeIfAbsent(errorClass, c -> group.addGroup("error", c.name()).counter("callsFailed")).inc();
    }
}
