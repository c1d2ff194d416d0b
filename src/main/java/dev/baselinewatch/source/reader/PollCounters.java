package dev.baselinewatch.source.reader;

import dev.baselinewatch.dataworks.ErrorClass;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * The reader's view of the DataWorks API in Flink's metric system, under {@code dataworks}: calls
 * by action, failures by class, retries, unparseable answers, and gauges of what is paused.
 */
final class PollCounters {

    private final MetricGroup group;
    private final Map<String, Counter> succeeded = new HashMap<>();
    private final Map<String, Counter> retried = new HashMap<>();
    private final Map<String, Counter> malformed = new HashMap<>();
    private final Map<ErrorClass, Counter> failed = new EnumMap<>(ErrorClass.class);

    PollCounters(MetricGroup parent) {
        this.group = parent.addGroup("dataworks");
    }

    void succeeded(String action) {
        succeeded.computeIfAbsent(action, a -> group.addGroup("action", a).counter("callsSucceeded")).inc();
    }

    void retried(String action) {
        retried.computeIfAbsent(action, a -> group.addGroup("action", a).counter("callsRetried")).inc();
    }

    void malformed(String action) {
        malformed.computeIfAbsent(action, a -> group.addGroup("action", a).counter("answersMalformed")).inc();
    }

    void failed(ErrorClass errorClass) {
        failed.computeIfAbsent(errorClass, c -> group.addGroup("error", c.name()).counter("callsFailed")).inc();
    }

    void gauge(String name, IntSupplier value) {
        group.gauge(name, (Gauge<Integer>) value::getAsInt);
    }

    /** A gauge per urgency class ({@code dataworks.urgency.<class>.<name>}). */
    void urgencyGauge(String urgency, String name, IntSupplier value) {
        group.addGroup("urgency", urgency).gauge(name, (Gauge<Integer>) value::getAsInt);
    }

    long failures(ErrorClass errorClass) {
        Counter counter = failed.get(errorClass);
        return counter == null ? 0 : counter.getCount();
    }
}
