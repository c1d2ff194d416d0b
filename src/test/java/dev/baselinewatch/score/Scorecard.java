package dev.baselinewatch.score;

import dev.baselinewatch.simulator.ScenarioTruth.InstanceTruth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Judges the alerts a run published against the scenario's ground truth. Pure arithmetic, so the
 * definitions (docs/SCORING.md) are tested on hand-made alerts and truth.
 *
 * <p>Only instances whose committed time lies within the run's clock ({@code withinClock}) are judged.
 * An instance is <em>alerted</em> when at least one FIRING {@code BASELINE_AT_RISK} or
 * {@code BASELINE_LATE} record names it; its <em>first alert</em> is the earliest {@code firstSeen}
 * among those records. Records of other kinds are counted by kind and otherwise ignored.
 */
public final class Scorecard {

    /** How many instance keys a list in the score names at most (the counts are always whole). */
    static final int EXAMPLES = 20;

    private Scorecard() {}

    /**
     * @param alerts every record read from the alerts topic, in the order received
     * @param truth the truth of every instance of the scenario
     */
    public static Score score(List<AlertRecord> alerts, List<InstanceTruth> truth) {
        Map<String, InstanceTruth> truthByKey = new HashMap<>();
        truth.forEach(t -> truthByKey.put(key(t), t));
        Map<String, Instant> firstAlert = new HashMap<>();
        Map<String, Instant> firstDelivered = new HashMap<>();
        Map<String, Integer> byKind = new TreeMap<>();
        for (AlertRecord alert : alerts) {
            byKind.merge(alert.kind(), 1, Integer::sum);
            if (!alert.isLatenessFiring()) {
                continue;
            }
            if (alert.firstSeen() != null) {
                firstAlert.merge(alert.instanceKey(), alert.firstSeen(), Scorecard::earlier);
            }
            if (alert.deliveredAt() != null) {
                firstDelivered.merge(alert.instanceKey(), alert.deliveredAt(), Scorecard::earlier);
            }
        }

        Tally tally = new Tally();
        for (InstanceTruth t : truth) {
            if (!t.withinClock()) {
                tally.notJudged++;
                if (firstAlert.containsKey(key(t))) {
                    tally.alertedNotJudged++;
                }
                continue;
            }
            tally.judge(t, firstAlert.get(key(t)), firstDelivered.get(key(t)));
        }
        Set<String> unknown = new HashSet<>(firstAlert.keySet());
        unknown.removeAll(truthByKey.keySet());

        Duplicates duplicates = Duplicates.of(alerts);
        int alertedAll = tally.alerted + unknown.size();
        return new Score(
                tally.judged, tally.notJudged, tally.missed, tally.finishedWithMargin,
                tally.caughtInTime, tally.caughtLate, tally.notCaught.size(),
                alertedAll, tally.falseAlarms.size(), unknown.size(), tally.alertedNotJudged,
                tally.missed == 0 ? null : (double) tally.caughtInTime / tally.missed,
                alertedAll == 0 ? null : (double) (tally.alerted - tally.falseAlarms.size()) / alertedAll,
                Distribution.of(tally.leadSeconds),
                Distribution.of(tally.deliveredLeadSeconds),
                Distribution.of(tally.detectionSeconds),
                duplicates.count(), duplicates.alertIds(), duplicates.examples(),
                alerts.size(), byKind,
                limit(tally.notCaught), limit(tally.caughtLateKeys), limit(tally.falseAlarms), limit(new ArrayList<>(unknown)),
                List.copyOf(tally.missedInstances));
    }

    static String key(InstanceTruth t) {
        return t.baselineId() + ":" + t.bizdate() + ":" + t.inGroupId();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static List<String> limit(List<String> keys) {
        return List.copyOf(keys.subList(0, Math.min(EXAMPLES, keys.size())));
    }

    /** Counts over the judged instances. */
    private static final class Tally {
        int judged;
        int notJudged;
        int alertedNotJudged;
        int missed;
        int finishedWithMargin;
        int alerted;
        int caughtInTime;
        int caughtLate;
        final List<String> notCaught = new ArrayList<>();
        final List<String> caughtLateKeys = new ArrayList<>();
        final List<String> falseAlarms = new ArrayList<>();
        final List<Long> leadSeconds = new ArrayList<>();
        final List<Long> deliveredLeadSeconds = new ArrayList<>();
        final List<Long> detectionSeconds = new ArrayList<>();
        final List<Score.MissedInstance> missedInstances = new ArrayList<>();

        void judge(InstanceTruth t, Instant first, Instant delivered) {
            judged++;
            if (t.finishedWithMargin()) {
                finishedWithMargin++;
            }
            if (first != null) {
                alerted++;
                if (t.finishedWithMargin()) {
                    falseAlarms.add(key(t) + " " + t.fate());
                }
            }
            if (!t.missed()) {
                return;
            }
            missed++;
            missedInstances.add(new Score.MissedInstance(key(t), String.valueOf(t.fate()), t.committedAt().toString(),
                    t.visibleAt().toString(), first == null ? null : first.toString(),
                    first == null ? null : Duration.between(t.visibleAt(), first).toSeconds(),
                    first == null ? null : Duration.between(first, t.committedAt()).toSeconds()));
            if (first == null) {
                notCaught.add(key(t) + " " + t.fate());
                return;
            }
            detectionSeconds.add(Duration.between(t.visibleAt(), first).toSeconds());
            if (first.isAfter(t.committedAt())) {
                caughtLate++;
                caughtLateKeys.add(key(t) + " " + t.fate());
                return;
            }
            caughtInTime++;
            leadSeconds.add(Duration.between(first, t.committedAt()).toSeconds());
            if (delivered != null) {
                deliveredLeadSeconds.add(Duration.between(delivered, t.committedAt()).toSeconds());
            }
        }
    }

    /**
     * Records that repeat an (alertId, sequence) already received; a second opening of one alert id
     * (FIRING with sequence 1 again) is one of them.
     */
    record Duplicates(int count, int alertIds, List<String> examples) {

        static Duplicates of(List<AlertRecord> alerts) {
            Set<String> seen = new HashSet<>();
            Map<String, Integer> perId = new TreeMap<>();
            for (AlertRecord alert : alerts) {
                if (!seen.add(alert.alertId() + "#" + alert.sequence())) {
                    perId.merge(alert.alertId(), 1, Integer::sum);
                }
            }
            List<String> examples = new ArrayList<>();
            perId.forEach((id, n) -> examples.add(id + " x" + n));
            return new Duplicates(perId.values().stream().mapToInt(Integer::intValue).sum(), perId.size(), limit(examples));
        }
    }
}
