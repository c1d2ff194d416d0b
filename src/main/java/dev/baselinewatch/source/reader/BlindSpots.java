package dev.baselinewatch.source.reader;

import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.event.InstanceKey;
import dev.baselinewatch.source.split.BaselineSplitState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blind spots: an unfinished instance DataWorks has said nothing about for longer than its urgency
 * allows gets a POLL_HEALTH event (once), naming why, and another when it is seen again. It is the
 * reader that knows it cannot see, so it is the reader that says so; silence would look like health.
 */
final class BlindSpots {

    private static final Logger LOG = LoggerFactory.getLogger(BlindSpots.class);

    private final PollSchedule schedule;
    private final CallPacer pacer;
    private final ServiceClock clock;

    BlindSpots(PollSchedule schedule, CallPacer pacer, ServiceClock clock) {
        this.schedule = schedule;
        this.pacer = pacer;
        this.clock = clock;
    }

    /** Emits, through {@code emitIfNew}, the changes of sight of {@code live}'s unfinished instances. */
    void check(BaselineSplitState state, List<InstanceKey> live, InstanceWatches watches, int degradation,
            Consumer<BaselineEvent> emitIfNew) {
        long now = System.nanoTime();
        // One log line a check, not one an instance: a pause blinds every instance at once.
        Map<String, List<InstanceKey>> newlyBlind = new TreeMap<>();
        for (InstanceKey key : live) {
            if (state.isFinished(key)) {
                continue;
            }
            InstanceWatch watch = watches.of(key);
            long allowed = schedule.blindSpotNanos(watch.urgency, state.profile().priorityOrDefault(), degradation);
            boolean blind = now - watch.lastAnsweredNanos > allowed;
            if (blind == state.isBlind(key)) {
                continue;
            }
            String reason = watch.lastFailure != null ? watch.lastFailure : pacer.pauseReason() != null ? pacer.pauseReason() : "API_ERROR";
            if (blind) {
                newlyBlind.computeIfAbsent(reason, r -> new ArrayList<>()).add(key);
            }
            emitIfNew.accept(EventMapper.health(key, clock.known() ? clock.estimatedNow() : System.currentTimeMillis(), blind,
                    reason, watch.lastAnsweredAt, allowed / 1_000_000, state.profile()));
        }
        newlyBlind.forEach((reason, keys) -> LOG.warn("Blind spot ({}): {} instance(s) of baseline {} not seen for longer than "
                + "their urgency allows, e.g. {}; the alerts say so", reason, keys.size(), state.baselineId(),
                keys.subList(0, Math.min(3, keys.size()))));
    }
}
