package dev.baselinewatch.score;

import java.util.List;
import java.util.Map;

/**
 * How well a run's alerts match the ground truth; every field is defined in docs/SCORING.md. Times
 * are DataWorks time, in seconds. Lists name instances as {@code baselineId:bizdate:inGroupId FATE},
 * at most {@link Scorecard#EXAMPLES} of them.
 *
 * @param judged instances whose committed time lies within the run's clock (the only ones scored)
 * @param notJudged instances committed before the clock's start or after its end
 * @param missed judged instances that finished after their committed time, or never
 * @param finishedWithMargin judged instances that finished at or before their alert time
 * @param caughtInTime missed instances first alerted at or before their committed time
 * @param caughtLate missed instances first alerted only after their committed time
 * @param notCaught missed instances never alerted
 * @param alerted judged instances alerted, plus alerted instances the scenario does not have
 * @param falseAlarms judged instances alerted although they finished with margin
 * @param unknownInstances alerted instances the scenario does not have (false alarms too)
 * @param alertedNotJudged alerted instances committed outside the clock (neither right nor wrong)
 * @param recall caughtInTime / missed; null when nothing was missed
 * @param precision (alerted judged instances that did not finish with margin) / alerted; null when nothing was alerted
 * @param leadSeconds committed time − first alert, over the instances caught in time
 * @param deliveredLeadSeconds committed time − when a read_committed consumer got the first alert, same instances
 * @param detectionSeconds first alert − visibleAt, over every missed instance that was alerted at all
 * @param duplicates records repeating an (alertId, sequence) already received
 * @param duplicatedAlertIds alert ids with at least one duplicate
 * @param records every record read from the alerts topic
 * @param recordsByKind those records by kind, kinds this build does not know included
 * @param missedInstances every judged missed instance, with its times, for a closer look
 */
public record Score(
        int judged,
        int notJudged,
        int missed,
        int finishedWithMargin,
        int caughtInTime,
        int caughtLate,
        int notCaught,
        int alerted,
        int falseAlarms,
        int unknownInstances,
        int alertedNotJudged,
        Double recall,
        Double precision,
        Distribution leadSeconds,
        Distribution deliveredLeadSeconds,
        Distribution detectionSeconds,
        int duplicates,
        int duplicatedAlertIds,
        List<String> duplicateExamples,
        int records,
        Map<String, Integer> recordsByKind,
        List<String> notCaughtInstances,
        List<String> caughtLateInstances,
        List<String> falseAlarmInstances,
        List<String> unknownAlertedInstances,
        List<MissedInstance> missedInstances) {

    /**
     * One missed instance: its truth and when it was first alerted (ISO-8601; null if never).
     *
     * @param detectionSeconds first alert − visibleAt; null if never alerted
     * @param leadSeconds committed time − first alert; null if never alerted (negative: alerted late)
     */
    public record MissedInstance(String instance, String fate, String committedAt, String visibleAt, String firstAlert,
            Long detectionSeconds, Long leadSeconds) {}
}
