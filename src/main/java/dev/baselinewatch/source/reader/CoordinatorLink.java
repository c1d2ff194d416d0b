package dev.baselinewatch.source.reader;

import dev.baselinewatch.source.CallBudget;
import dev.baselinewatch.source.coordination.BudgetLedger;
import dev.baselinewatch.source.coordination.CallsPaused;
import dev.baselinewatch.source.coordination.LeaseGrant;
import dev.baselinewatch.source.coordination.LeaseRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * The fetcher thread's line to the enumerator. Events to the enumerator are queued here and sent by
 * the task thread (the only thread that may talk to the coordinator); events from it are queued by the
 * task thread and picked up by the fetcher, which is woken for them. Standalone (no enumerator, as in
 * tests of the split reader alone) it answers lease requests itself from a ledger of its own.
 */
public final class CoordinatorLink {

    private final ConcurrentLinkedQueue<SourceEvent> toEnumerator = new ConcurrentLinkedQueue<>();
    /** Leases and pauses: the pacer takes these as soon as it needs them, even in the middle of a round. */
    private final ConcurrentLinkedQueue<SourceEvent> budgetEvents = new ConcurrentLinkedQueue<>();
    /** Changes to the watch list: taken between rounds. */
    private final ConcurrentLinkedQueue<SourceEvent> watchEvents = new ConcurrentLinkedQueue<>();
    private final BudgetLedger localLedger;
    private volatile Runnable wakeFetcher = () -> {};

    private CoordinatorLink(BudgetLedger localLedger) {
        this.localLedger = localLedger;
    }

    /** Linked to the source's enumerator through the reader. */
    public static CoordinatorLink toEnumerator() {
        return new CoordinatorLink(null);
    }

    /** No enumerator: this reader alone spends {@code budget}. */
    public static CoordinatorLink standalone(CallBudget budget) {
        return new CoordinatorLink(new BudgetLedger(budget.callsPerDay(), 0, 0));
    }

    /** Fetcher thread. */
    void send(SourceEvent event) {
        if (localLedger != null) {
            if (event instanceof LeaseRequest request) {
                budgetEvents.add(localLedger.grant(request));
            }
            return;
        }
        toEnumerator.add(event);
    }

    /** Task thread: hands queued events to the coordinator. */
    public void flush(Consumer<SourceEvent> sendToCoordinator) {
        SourceEvent event;
        while ((event = toEnumerator.poll()) != null) {
            sendToCoordinator.accept(event);
        }
    }

    boolean hasOutgoing() {
        return !toEnumerator.isEmpty();
    }

    /** Task thread: an event from the enumerator for the fetcher. */
    public void received(SourceEvent event) {
        (event instanceof LeaseGrant || event instanceof CallsPaused ? budgetEvents : watchEvents).add(event);
        wakeFetcher.run();
    }

    /** Fetcher thread: leases and pauses received so far. */
    List<SourceEvent> drainBudgetEvents() {
        return drain(budgetEvents);
    }

    /** Fetcher thread: watch-list changes received so far. */
    List<SourceEvent> drainWatchEvents() {
        return drain(watchEvents);
    }

    private static List<SourceEvent> drain(ConcurrentLinkedQueue<SourceEvent> queue) {
        List<SourceEvent> events = new ArrayList<>();
        SourceEvent event;
        while ((event = queue.poll()) != null) {
            events.add(event);
        }
        return events;
    }

    void onReceived(Runnable wake) {
        this.wakeFetcher = wake;
    }
}
