package dev.baselinewatch.source.reader;

import dev.baselinewatch.dataworks.ApiAnswer;
import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.dataworks.model.KeyPathNode;
import dev.baselinewatch.dataworks.model.NodeRun;
import dev.baselinewatch.dataworks.model.NodeTopic;
import dev.baselinewatch.event.AbsentInfo;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.event.EventType;
import dev.baselinewatch.event.InstanceKey;
import dev.baselinewatch.event.PollHealth;
import dev.baselinewatch.event.RunInfo;
import dev.baselinewatch.event.StatusInfo;
import dev.baselinewatch.event.TopicInfo;
import dev.baselinewatch.source.split.BaselineProfile;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns DataWorks answers into event parts, normalising the documented spelling variants. */
final class EventMapper {

    private EventMapper() {}

    static StatusInfo status(BaselineStatus answer) {
        StatusInfo info = new StatusInfo();
        info.baselineName = answer.baselineName() == null ? null : answer.baselineName().strip();
        info.projectId = answer.projectId();
        info.owner = answer.owner();
        info.priority = answer.priority();
        info.slaTime = answer.slaTime();
        info.expTime = answer.expTime();
        info.endCast = answer.endCast();
        info.bufferSeconds = answer.buffer();
        info.status = baselineStatus(answer.status());
        info.finished = answer.finished();
        info.finishTime = answer.finishTime();
        return info;
    }

    static RunInfo run(KeyPathNode node, int position, int pathLength) {
        RunInfo info = new RunInfo();
        info.nodeId = node.nodeId() == null ? 0 : node.nodeId();
        info.nodeInstanceId = node.instanceId() == null ? 0 : node.instanceId();
        info.nodeName = node.nodeName() == null ? null : node.nodeName().strip();
        info.owner = node.owner();
        info.prgType = node.prgType();
        info.position = position;
        info.pathLength = pathLength;
        info.runCount = node.runs().size();
        info.cycle = node.inGroupId();
        NodeRun run = node.latestRun();
        if (run == null) {
            info.runStatus = "NOT_RUN";
            return info;
        }
        info.runStatus = run.status() == null ? "NOT_RUN" : run.status().strip().toUpperCase(Locale.ROOT);
        info.beginWaitTimeTime = run.beginWaitTimeTime();
        info.beginWaitResTime = run.beginWaitResTime();
        info.beginRunningTime = run.beginRunningTime();
        info.finishTime = run.finishTime();
        info.beginCast = run.beginCast();
        info.endCast = run.endCast();
        info.absTime = run.absTime();
        return info;
    }

    static TopicInfo topic(NodeTopic topic, KeyPathNode node) {
        TopicInfo info = new TopicInfo();
        info.topicId = topic.topicId() == null ? 0 : topic.topicId();
        info.topicName = topic.topicName();
        info.nodeInstanceId = topic.instanceId() != null ? topic.instanceId() : node.instanceId() == null ? 0 : node.instanceId();
        info.nodeName = node.nodeName() == null ? null : node.nodeName().strip();
        info.addTime = topic.addTime();
        return info;
    }

    /** What {@code GetTopic} says of an event first seen on a key path: its type and where it is in its lifecycle. */
    static TopicInfo topic(TopicInfo seen, dev.baselinewatch.dataworks.model.Topic answer) {
        TopicInfo info = new TopicInfo();
        info.topicId = seen.topicId;
        info.topicName = seen.topicName;
        info.nodeInstanceId = seen.nodeInstanceId;
        info.nodeName = seen.nodeName;
        info.addTime = seen.addTime;
        info.type = answer.topicType() == null ? null : answer.topicType().strip().toUpperCase(Locale.ROOT);
        info.status = answer.topicStatus() == null ? null : answer.topicStatus().strip().toUpperCase(Locale.ROOT);
        return info;
    }

    /** The job can see the instance, or cannot for longer than it allows ({@code reason} says why). */
    /** A key path answer as the source's events: each node's RUN, followed by a TOPIC for each DataWorks event on it. */
    static List<BaselineEvent> keyPath(InstanceKey key, ApiAnswer<List<KeyPathNode>> path) {
        List<BaselineEvent> events = new ArrayList<>();
        List<KeyPathNode> nodes = path.data();
        for (int position = 0; position < nodes.size(); position++) {
            KeyPathNode node = nodes.get(position);
            BaselineEvent run = BaselineEvent.of(key, path.serverTimeMillis(), path.requestId());
            run.type = EventType.RUN;
            run.run = run(node, position, nodes.size());
            events.add(run);
            for (NodeTopic topic : node.topics()) {
                BaselineEvent topicEvent = BaselineEvent.of(key, path.serverTimeMillis(), path.requestId());
                topicEvent.type = EventType.TOPIC;
                topicEvent.topic = topic(topic, node);
                events.add(topicEvent);
            }
        }
        return events;
    }

    static BaselineEvent health(InstanceKey key, long now, boolean blind, String reason, Long lastAnsweredAt, long allowedMillis,
            BaselineProfile profile) {
        BaselineEvent event = BaselineEvent.of(key, now, null);
        event.type = EventType.POLL_HEALTH;
        event.health = new PollHealth();
        event.health.blind = blind;
        event.health.reason = blind ? reason : null;
        event.health.lastAnsweredAt = lastAnsweredAt;
        event.health.allowedMillis = allowedMillis;
        event.baselineInfo = profile.toInfo();
        return event;
    }

    /** DataWorks has no such instance; when it was expected by comes from the baseline's configuration. */
    static BaselineEvent absent(InstanceKey key, long answeredAt, String requestId, BaselineProfile profile, ZoneId zone) {
        BaselineEvent event = BaselineEvent.of(key, answeredAt, requestId);
        event.type = EventType.ABSENT;
        event.absent = new AbsentInfo();
        event.absent.expectedCommittedAt = profile.committedAt(key.bizdate(), key.inGroupId(), zone);
        event.absent.expectedAlertAt = profile.alertAt(key.bizdate(), key.inGroupId(), zone);
        event.baselineInfo = profile.toInfo();
        return event;
    }

    /** SAFE, DANGEROUS, OVER, ERROR; "DANGROUS" is a documented spelling of DANGEROUS. */
    static String baselineStatus(String raw) {
        if (raw == null) {
            return "UNKNOWN";
        }
        String status = raw.strip().toUpperCase(Locale.ROOT);
        return switch (status) {
            case "SAFE", "DANGEROUS", "OVER", "ERROR" -> status;
            case "DANGROUS" -> "DANGEROUS";
            default -> "UNKNOWN";
        };
    }
}
