package dev.baselinewatch.lateness;

import dev.baselinewatch.alert.ForwardedEvent;
import dev.baselinewatch.event.InstanceKey;
import dev.baselinewatch.event.RunInfo;

/** Turns a DataWorks event seen on an instance into the record forwarded to the events topic. */
final class EventForwarding {

    private EventForwarding() {}

    /** @param node the key-path node the event is on, or null when its run was not seen yet */
    static ForwardedEvent enrich(InstanceKey key, KnownTopic known, InstanceState instance, RunInfo node, AlertFactory times) {
        ForwardedEvent forwarded = new ForwardedEvent();
        forwarded.topicId = known.topic.topicId;
        forwarded.topicName = known.topic.topicName;
        forwarded.topicType = known.topic.type;
        forwarded.topicStatus = known.topic.status;
        forwarded.instance = key.toString();
        forwarded.baseline = AlertFactory.baseline(key, instance);
        forwarded.bizdate = key.bizdate().toString();
        forwarded.inGroupId = key.inGroupId();
        forwarded.nodeInstanceId = known.topic.nodeInstanceId;
        forwarded.nodeName = known.topic.nodeName;
        forwarded.nodeOwner = node == null ? null : node.owner;
        forwarded.addTime = times.iso(known.topic.addTime);
        forwarded.observedAt = times.iso(known.observedAt);
        forwarded.requestId = known.requestId;
        return forwarded;
    }
}
