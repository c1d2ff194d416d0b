package dev.baselinewatch.lateness;

import dev.baselinewatch.alert.Alert;
import dev.baselinewatch.alert.AlertState;
import dev.baselinewatch.alert.BaselineRef;
import dev.baselinewatch.alert.CulpritRef;
import dev.baselinewatch.event.BaselineInfo;
import dev.baselinewatch.event.InstanceKey;
import dev.baselinewatch.event.RunInfo;
import dev.baselinewatch.event.StatusInfo;
import dev.baselinewatch.event.TopicInfo;
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

    /**
     * @param projection null when no status was ever seen; then the lateness counts up to the record's time
     * @param culprit the node to name, or null
     */
    Alert build(InstanceKey key, OpenAlert open, AlertState state, InstanceState instance, Projection projection,
            CulpritRef culprit, String reason) {
        StatusInfo status = instance.status;
        Long committed = status != null ? status.slaTime : instance.absent == null ? null : instance.absent.expectedCommittedAt;
        Long alertAt = status != null ? status.expTime : instance.absent == null ? null : instance.absent.expectedAlertAt;
        Alert alert = new Alert();
        alert.alertId = Alert.idOf(key.toString(), open.kind);
        alert.kind = open.kind;
        alert.severity = open.severity;
        alert.state = state;
        alert.sequence = open.sequence;
        alert.instance = key.toString();
        alert.baseline = baseline(key, instance);
        alert.bizdate = key.bizdate().toString();
        alert.inGroupId = key.inGroupId();
        alert.committedTime = iso(committed);
        alert.alertTime = iso(alertAt);
        alert.projectedFinish = projection == null ? null : iso(projection.projectedFinish());
        alert.finishTime = status != null && status.finished ? iso(status.finishTime) : null;
        if (committed != null) {
            long finish = projection != null ? projection.projectedFinish() : open.lastUpdated;
            alert.latenessSeconds = (finish - committed) / 1000;
        }
        alert.culprit = culprit;
        alert.reason = reason;
        alert.firstSeen = iso(open.firstSeen);
        alert.lastUpdated = iso(open.lastUpdated);
        alert.requestId = instance.lastRequestId;
        return alert;
    }

    /** The baseline as DataWorks' status names it, else as its configuration does (blind spots, no data). */
    static BaselineRef baseline(InstanceKey key, InstanceState instance) {
        BaselineRef ref = new BaselineRef();
        ref.id = key.baselineId();
        StatusInfo status = instance == null ? null : instance.status;
        BaselineInfo info = instance == null ? null : instance.baselineInfo;
        if (status != null) {
            ref.name = status.baselineName;
            ref.projectId = status.projectId;
            ref.owner = status.owner;
            ref.priority = status.priority;
        }
        if (info != null) {
            ref.name = ref.name != null ? ref.name : info.name;
            ref.projectId = ref.projectId != null ? ref.projectId : info.projectId;
            ref.owner = ref.owner != null ? ref.owner : info.owner;
            ref.priority = ref.priority != null ? ref.priority : info.priority;
        }
        return ref;
    }

    static CulpritRef culprit(RunInfo node, long slipMillis) {
        CulpritRef ref = new CulpritRef();
        ref.nodeInstanceId = node.nodeInstanceId;
        ref.nodeId = node.nodeId;
        ref.nodeName = node.nodeName;
        ref.owner = node.owner;
        ref.status = node.runStatus;
        ref.slipSeconds = slipMillis / 1000;
        ref.cycle = node.cycle;
        return ref;
    }

    /** A node known only from an event on it: no run, so no status or slip. */
    static CulpritRef culprit(TopicInfo topic) {
        CulpritRef ref = new CulpritRef();
        ref.nodeInstanceId = topic.nodeInstanceId;
        ref.nodeName = topic.nodeName;
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
