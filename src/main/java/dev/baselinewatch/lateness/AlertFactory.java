package dev.baselinewatch.lateness;

import dev.baselinewatch.alert.Alert;
import dev.baselinewatch.alert.AlertKind;
import dev.baselinewatch.alert.AlertState;
import dev.baselinewatch.alert.BaselineRef;
import dev.baselinewatch.alert.CulpritRef;
import dev.baselinewatch.event.InstanceKey;
import dev.baselinewatch.event.RunInfo;
import dev.baselinewatch.event.StatusInfo;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;

/** Builds the published {@link Alert} from keyed state, in the project's time zone. */
final class AlertFactory implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String zoneId;
    private transient ZoneId zone;

    AlertFactory(ZoneId zone) {
        this.zoneId = zone.getId();
    }

    Alert build(InstanceKey key, OpenAlert open, AlertState state, InstanceState instance, Projection projection, String reason) {
        StatusInfo status = instance.status;
        Alert alert = new Alert();
        alert.alertId = Alert.idOf(key.toString(), open.kind);
        alert.kind = open.kind;
        alert.severity = open.severity;
        alert.state = state;
        alert.sequence = open.sequence;
        alert.instance = key.toString();
        alert.baseline = baseline(key, status);
        alert.bizdate = key.bizdate().toString();
        alert.inGroupId = key.inGroupId();
        alert.committedTime = iso(status.slaTime);
        alert.alertTime = iso(status.expTime);
        alert.projectedFinish = iso(projection.projectedFinish());
        alert.finishTime = status.finished ? iso(status.finishTime) : null;
        alert.latenessSeconds = status.slaTime == null ? null : (projection.projectedFinish() - status.slaTime) / 1000;
        alert.culprit = culprit(projection);
        alert.reason = reason;
        alert.firstSeen = iso(open.firstSeen);
        alert.lastUpdated = iso(open.lastUpdated);
        alert.requestId = instance.lastRequestId;
        return alert;
    }

    static BaselineRef baseline(InstanceKey key, StatusInfo status) {
        BaselineRef ref = new BaselineRef();
        ref.id = key.baselineId();
        if (status != null) {
            ref.name = status.baselineName;
            ref.projectId = status.projectId;
            ref.owner = status.owner;
            ref.priority = status.priority;
        }
        return ref;
    }

    private static CulpritRef culprit(Projection projection) {
        RunInfo node = projection.culprit();
        if (node == null) {
            return null;
        }
        CulpritRef ref = new CulpritRef();
        ref.nodeInstanceId = node.nodeInstanceId;
        ref.nodeId = node.nodeId;
        ref.nodeName = node.nodeName;
        ref.owner = node.owner;
        ref.status = node.runStatus;
        ref.slipSeconds = projection.culpritSlipMillis() / 1000;
        return ref;
    }

    String iso(Long epochMillis) {
        if (epochMillis == null) {
            return null;
        }
        if (zone == null) {
            zone = ZoneId.of(zoneId);
        }
        return Instant.ofEpochMilli(epochMillis).atZone(zone).toOffsetDateTime().toString();
    }
}
