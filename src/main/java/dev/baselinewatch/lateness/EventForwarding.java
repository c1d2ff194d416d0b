package dev.baselinewatch.lateness;

import dev.baselinewatch.alert.ForwardedEvent;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.event.StatusInfo;

/** Turns a TOPIC event into the record forwarded to the events topic. */
final class EventForwarding {

    private EventForwarding() {}

    static ForwardedEvent enrich(BaselineEvent event, StatusInfo status, AlertFactory times) {
        ForwardedEvent forwarded = new ForwardedEvent();
        forwarded.topicId = event.topic.topicId;
        forwarded.topicName = event.topic.topicName;
        forwarded.instance = event.instanceKeyText();
        forwarded.baseline = AlertFactory.baseline(event.instanceKey(), status);
        forwarded.bizdate = event.bizdate;
        forwarded.inGroupId = event.inGroupId;
        forwarded.nodeInstanceId = event.topic.nodeInstanceId;
        forwarded.nodeName = event.topic.nodeName;
        forwarded.addTime = times.iso(event.topic.addTime);
        forwarded.observedAt = times.iso(event.observedAt);
        forwarded.requestId = event.requestId;
        return forwarded;
    }
}
