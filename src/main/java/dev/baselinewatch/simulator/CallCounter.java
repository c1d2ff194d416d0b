package dev.baselinewatch.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls the simulator received: by action, by answer code, and each call with its wall time, so
 * tests and benchmarks can check rates, gaps after throttling and calls per second.
 */
public final class CallCounter {

    /** Enough for any test or benchmark day; older calls are dropped first. */
    private static final int MAX_KEPT = 200_000;

    /** One call: when it arrived ({@link System#nanoTime()} and epoch ms), what it asked and what it got. */
    public record Call(long wallNanos, long wallMillis, String action, Long baselineId, String outcome) {}

    private final Map<String, AtomicLong> byAction = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> byOutcome = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<Call> calls = new ConcurrentLinkedDeque<>();
    private final AtomicLong kept = new AtomicLong();

    /** A call that arrived at {@code wallNanos} ({@link System#nanoTime()}) and {@code wallMillis} (epoch). */
    void record(long wallNanos, long wallMillis, String action, Long baselineId, String outcome) {
        byAction.computeIfAbsent(action == null ? "(none)" : action, a -> new AtomicLong()).incrementAndGet();
        byOutcome.computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet();
        calls.addLast(new Call(wallNanos, wallMillis, action, baselineId, outcome));
        if (kept.incrementAndGet() > MAX_KEPT) {
            calls.pollFirst();
            kept.decrementAndGet();
        }
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
        return snapshot(byAction);
    }

    public Map<String, Long> byOutcome() {
        return snapshot(byOutcome);
    }

    /** Every call kept, oldest first. */
    public List<Call> log() {
        return new ArrayList<>(calls);
    }

    /** Calls per wall-clock second (epoch second to count). */
    public Map<Long, Long> perSecond() {
        Map<Long, Long> counts = new TreeMap<>();
        for (Call call : calls) {
            counts.merge(call.wallMillis() / 1000, 1L, Long::sum);
        }
        return counts;
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> counts) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((key, count) -> copy.put(key, count.get()));
        return copy;
    }
}
