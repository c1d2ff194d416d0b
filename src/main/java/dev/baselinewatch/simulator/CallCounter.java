package dev.baselinewatch.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Calls the simulator received, by action and by answer code; read by tests and the demo summary. */
public final class CallCounter {

    private final Map<String, AtomicLong> byAction = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> byOutcome = new ConcurrentHashMap<>();

    void record(String action, String outcome) {
        byAction.computeIfAbsent(action == null ? "(none)" : action, a -> new AtomicLong()).incrementAndGet();
        byOutcome.computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet();
    }

    public long calls(String action) {
        AtomicLong count = byAction.get(action);
        return count == null ? 0 : count.get();
    }

    public long total() {
        return byAction.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Answers by code: {@code OK}, or the error code such as {@code SignatureDoesNotMatch}. */
    public long answers(String outcome) {
        AtomicLong count = byOutcome.get(outcome);
        return count == null ? 0 : count.get();
    }

    public Map<String, Long> byAction() {
        Map<String, Long> copy = new TreeMap<>();
        byAction.forEach((action, count) -> copy.put(action, count.get()));
        return copy;
    }

    public Map<String, Long> byOutcome() {
        Map<String, Long> copy = new TreeMap<>();
        byOutcome.forEach((outcome, count) -> copy.put(outcome, count.get()));
        return copy;
    }
}
