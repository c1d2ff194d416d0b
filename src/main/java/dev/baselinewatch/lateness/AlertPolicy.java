package dev.baselinewatch.lateness;

import dev.baselinewatch.alert.AlertKind;
import dev.baselinewatch.alert.BaselineRef;
import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * How the lateness engine judges, repeats, silences, forgets and windows: the {@code alerts:} and
 * {@code lateness:} sections of the job config, validated (defaults in {@code job-config/baseline-watch.yaml}).
 *
 * @param gracePeriod how long a finished instance's state is kept after it finished (and its alerts resolved)
 * @param maxRepeats reminders per alert episode; 0 never repeats
 * @param nodeSlowMinimum a node is slow only when also at least this much over its history
 * @param projectionChange a change of projected finish that updates a BASELINE_* alert
 * @param expireAfter an instance that never finishes is given up this long after its committed time
 * @param windowClose when a business date's DAY windows close, after the midnight that starts its run day
 * @param hourWindowGrace how long after the end of its hour an HOUR window closes
 * @param hourlyBaselines baselines configured with cycles other than 1 (an instance of cycle 2..24 is hourly anyway)
 */
public record AlertPolicy(
        ZoneId zone,
        Duration gracePeriod,
        Duration repeatInterval,
        int maxRepeats,
        double nodeSlowFactor,
        Duration nodeSlowMinimum,
        Duration waitingForResourcesAfter,
        Duration projectionChange,
        Duration expireAfter,
        List<Silence> silences,
        Duration windowClose,
        Duration hourWindowGrace,
        Set<Long> hourlyBaselines) implements Serializable {

    public AlertPolicy {
        silences = List.copyOf(silences);
        hourlyBaselines = Set.copyOf(hourlyBaselines);
    }

    /** The documented defaults. */
    public static AlertPolicy defaults(ZoneId zone) {
        return new AlertPolicy(zone, Duration.ofHours(6), Duration.ofMinutes(30), 3, 2.0, Duration.ofMinutes(10),
                Duration.ofMinutes(30), Duration.ofMinutes(15), Duration.ofDays(3), List.of(), Duration.ofHours(24),
                Duration.ofHours(1), Set.of());
    }

    public AlertPolicy withGracePeriod(Duration grace) {
        return new AlertPolicy(zone, grace, repeatInterval, maxRepeats, nodeSlowFactor, nodeSlowMinimum, waitingForResourcesAfter,
                projectionChange, expireAfter, silences, windowClose, hourWindowGrace, hourlyBaselines);
    }

    public AlertPolicy withRepeats(Duration interval, int max) {
        return new AlertPolicy(zone, gracePeriod, interval, max, nodeSlowFactor, nodeSlowMinimum, waitingForResourcesAfter,
                projectionChange, expireAfter, silences, windowClose, hourWindowGrace, hourlyBaselines);
    }

    public AlertPolicy withSilences(List<Silence> newSilences) {
        return new AlertPolicy(zone, gracePeriod, repeatInterval, maxRepeats, nodeSlowFactor, nodeSlowMinimum,
                waitingForResourcesAfter, projectionChange, expireAfter, newSilences, windowClose, hourWindowGrace, hourlyBaselines);
    }

    public AlertPolicy withWindows(Duration close, Duration hourGrace, Set<Long> hourly) {
        return new AlertPolicy(zone, gracePeriod, repeatInterval, maxRepeats, nodeSlowFactor, nodeSlowMinimum,
                waitingForResourcesAfter, projectionChange, expireAfter, silences, close, hourGrace, hourly);
    }

    public AlertPolicy withExpireAfter(Duration expire) {
        return new AlertPolicy(zone, gracePeriod, repeatInterval, maxRepeats, nodeSlowFactor, nodeSlowMinimum,
                waitingForResourcesAfter, projectionChange, expire, silences, windowClose, hourWindowGrace, hourlyBaselines);
    }

    /** The silence that holds back this kind of alert about this baseline at {@code now}, or null. */
    public Silence silenceFor(BaselineRef baseline, AlertKind kind, long now) {
        for (Silence silence : silences) {
            if (silence.activeAt(now) && silence.matches(baseline, kind)) {
                return silence;
            }
        }
        return null;
    }
}
