package dev.baselinewatch.source.reader;

import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.dataworks.model.KeyPathNode;
import dev.baselinewatch.dataworks.model.NodeRun;
import dev.baselinewatch.dataworks.model.NodeTopic;
import dev.baselinewatch.event.RunInfo;
import dev.baselinewatch.event.StatusInfo;
import dev.baselinewatch.event.TopicInfo;
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
