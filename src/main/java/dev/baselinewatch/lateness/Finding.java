package dev.baselinewatch.lateness;

import dev.baselinewatch.alert.AlertKind;
import dev.baselinewatch.alert.CulpritRef;

/**
 * One kind of alert that fires for an instance now, with why and who.
 *
 * @param culprit the node to name, or null
 * @param projectedFinish the instance's projected finish, or null when unknown
 * @param tracksProjection whether a change of projected finish is news for this kind (an update)
 */
record Finding(AlertKind kind, String reason, CulpritRef culprit, Long projectedFinish, boolean tracksProjection) {

    long culpritId() {
        return culprit == null ? 0 : culprit.nodeInstanceId;
    }
}
