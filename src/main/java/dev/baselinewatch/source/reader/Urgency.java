package dev.baselinewatch.source.reader;

import dev.baselinewatch.event.StatusInfo;

/**
 * How much an instance's next poll matters, which decides how often it is polled: the calls go
 * where they buy detection. Also the tag of the poll-age metric.
 */
enum Urgency {
    /** Committed time passed, not finished. */
    LATE,
    /** DataWorks says DANGEROUS/OVER/ERROR, forecasts a finish after the alert time, or the alert time passed. */
    AT_RISK,
    /** Alert time within the near horizon. */
    NEAR,
    /** Alert time further away: polled rarely. */
    FAR,
    /** Never answered yet: polled soon, to learn where it stands. */
    UNSEEN,
    /** DataWorks has no such instance (yet). */
    ABSENT,
    /** Finished: never polled again. */
    FINISHED;

    static Urgency of(StatusInfo status, long serviceNow, long nearHorizonMillis) {
        if (status.finished) {
            return FINISHED;
        }
        if (status.slaTime != null && serviceNow >= status.slaTime) {
            return LATE;
        }
        if (KeyPathPolicy.inTrouble(status, serviceNow)) {
            return AT_RISK;
        }
        if (status.expTime == null || status.expTime - serviceNow <= nearHorizonMillis) {
            return NEAR;
        }
        return FAR;
    }

    boolean urgent() {
        return this == LATE || this == AT_RISK;
    }
}
