package dev.baselinewatch.simulator;

import static dev.baselinewatch.simulator.RequestParameters.filter;
import static dev.baselinewatch.simulator.RequestParameters.matches;
import static dev.baselinewatch.simulator.RequestParameters.required;

import dev.baselinewatch.dataworks.DataWorksApi;
import dev.baselinewatch.dataworks.model.Topic;
import dev.baselinewatch.dataworks.model.TopicPage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ListTopics} and {@code GetTopic}: the events of slow and failed key-path nodes, across
 * business dates and cycles. Topic ids are the node instance id times ten plus one (error) or two
 * (slow), so {@code GetTopic} finds its instance without scanning.
 */
final class SimulatedTopics {

    private static final DateTimeFormatter TOPIC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");
    /**
     * ListTopics looks at instances whose run day began at most this long before {@code BeginTime}:
     * an event comes from a node running, and nothing in a scenario runs for days.
     */
    static final Duration LOOKBACK = Duration.ofDays(TimelineCache.DAYS_KEPT_BEHIND + 1);

    private final Scenario scenario;
    private final TimelineCache timelines;
    private final Map<Long, List<ScenarioBaseline>> byNode = new HashMap<>();

    SimulatedTopics(Scenario scenario, TimelineCache timelines) {
        this.scenario = scenario;
        this.timelines = timelines;
        for (ScenarioBaseline b : scenario.definitions()) {
            for (ScenarioNode node : b.nodes()) {
                byNode.computeIfAbsent(node.nodeId(), id -> new ArrayList<>()).add(b);
            }
        }
    }

    TopicPage page(Map<String, String> parameters, long now) throws SimulatorError {
        long begin = time(required(parameters, "BeginTime"), "BeginTime");
        long end = time(required(parameters, "EndTime"), "EndTime");
        int pageNumber = RequestParameters.page(parameters, "PageNumber", DataWorksApi.MAX_PAGE_NUMBER);
        int pageSize = RequestParameters.page(parameters, "PageSize", DataWorksApi.MAX_PAGE_SIZE);
        Set<String> statuses = filter(parameters, "TopicStatuses");
        Set<String> types = filter(parameters, "TopicTypes");
        String instanceId = parameters.get("InstanceId");
        List<Topic> rows = new ArrayList<>();
        for (LocalDate bizdate : scenario.bizdates()) {
            long runDay = scenario.runDayMidnight(bizdate);
            // Nothing of this date has run yet, or it ran long before the window.
            if (runDay > Math.min(end, now) || runDay < begin - LOOKBACK.toMillis()) {
                continue;
            }
            TimelineCache.Day day = timelines.day(bizdate, now);
            for (ScenarioBaseline b : scenario.definitions()) {
                for (int inGroupId : b.inGroupIds()) {
                    for (Topic topic : day.timeline(b, inGroupId).events(now)) {
                        if (topic.addTime() >= begin && topic.addTime() <= end && matches(statuses, topic.topicStatus())
                                && matches(types, topic.topicType())
                                && (instanceId == null || instanceId.equals(String.valueOf(topic.instanceId())))) {
                            rows.add(topic);
                        }
                    }
                }
            }
        }
        return new TopicPage(pageNumber, pageSize, rows.size(), RequestParameters.slice(rows, pageNumber, pageSize));
    }

    Topic topic(long topicId, long now) throws SimulatorError {
        InstanceIds.NodeInstance instance = topicId % 10 == 1 || topicId % 10 == 2 ? scenario.planner().decode(topicId / 10) : null;
        if (instance != null) {
            LocalDate bizdate = scenario.planner().bizdate(instance.dayIndex());
            for (ScenarioBaseline b : byNode.getOrDefault(instance.nodeId(), List.of())) {
                if (!b.hasCycle(instance.inGroupId())) {
                    continue;
                }
                for (Topic topic : timelines.day(bizdate, now).timeline(b, instance.inGroupId()).events(now)) {
                    if (topic.topicId() == topicId) {
                        return topic;
                    }
                }
            }
        }
        throw SimulatorError.business(500, "Invalid.Wkbench.TopicNotExist", "The event does not exist: " + topicId);
    }

    private static long time(String value, String name) throws SimulatorError {
        try {
            return ZonedDateTime.parse(value, TOPIC_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new SimulatorError(400, "InvalidParameter", name + " must look like 2019-03-24T00:00:00+0800, was " + value);
        }
    }
}
