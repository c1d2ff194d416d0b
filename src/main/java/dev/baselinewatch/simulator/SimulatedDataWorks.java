package dev.baselinewatch.simulator;

import dev.baselinewatch.dataworks.Bizdates;
import dev.baselinewatch.dataworks.DataWorksApi;
import dev.baselinewatch.dataworks.model.BaselineConfig;
import dev.baselinewatch.dataworks.model.BaselineConfigPage;
import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.dataworks.model.BaselineStatusPage;
import dev.baselinewatch.dataworks.model.Topic;
import dev.baselinewatch.dataworks.model.TopicPage;
import dev.baselinewatch.simulator.Scenario.SimBaseline;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Map;

/**
 * The DataWorks actions the simulator serves, answered from the scenario at the simulated time.
 * Knows nothing of HTTP or signatures: {@link DataWorksSimulator} does that.
 */
final class SimulatedDataWorks {

    private static final java.time.format.DateTimeFormatter TOPIC_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

    private final Scenario scenario;
    private final Map<String, BaselineTimeline> timelines = new HashMap<>();
    /** In scenario order: the order of list answers. */
    private final List<BaselineTimeline> ordered = new ArrayList<>();

    SimulatedDataWorks(Scenario scenario) {
        this.scenario = scenario;
        long bizdateMillis = Bizdates.toEpochMillis(scenario.bizdate(), scenario.zone());
        for (SimBaseline baseline : scenario.baselines()) {
            // DataWorks generates the day's instances before the run day starts: by then they wait for their time.
            long runDayMidnight = scenario.bizdate().plusDays(1).atStartOfDay(scenario.zone()).toInstant().toEpochMilli();
            BaselineTimeline timeline = new BaselineTimeline(baseline, runDayMidnight, bizdateMillis);
            timelines.put(baseline.id() + "/" + baseline.inGroupId(), timeline);
            ordered.add(timeline);
        }
    }

    /** The {@code Data} of a successful answer to {@code action}. */
    Object answer(String action, Map<String, String> parameters, long now) throws SimulatorError {
        return switch (action) {
            case "GetBaselineStatus" -> instance(parameters).status(now);
            case "GetBaselineKeyPath" -> instance(parameters).keyPath(now);
            case "ListBaselineStatuses" -> statusPage(parameters, now);
            case "ListBaselines" -> configPage(parameters);
            case "GetBaseline" -> config(longParameter(parameters, "BaselineId"));
            case "ListTopics" -> topicPage(parameters, now);
            case "GetTopic" -> topic(longParameter(parameters, "TopicId"), now);
            default -> throw new SimulatorError(404, "InvalidAction.NotFound",
                    "Specified api is not found, please check your url and method.");
        };
    }

    private BaselineStatusPage statusPage(Map<String, String> parameters, long now) throws SimulatorError {
        LocalDate bizdate = bizdate(required(parameters, "Bizdate"));
        int pageNumber = page(parameters, "PageNumber", DataWorksApi.MAX_PAGE_NUMBER);
        int pageSize = page(parameters, "PageSize", DataWorksApi.MAX_PAGE_SIZE);
        Set<String> finish = filter(parameters, "FinishStatus");
        Set<String> statuses = filter(parameters, "Status");
        Set<String> priorities = filter(parameters, "Priority");
        Set<String> types = filter(parameters, "BaselineTypes");
        String owner = parameters.get("Owner");
        List<BaselineStatus> rows = new ArrayList<>();
        if (bizdate.equals(scenario.bizdate())) {
            for (BaselineTimeline timeline : ordered) {
                BaselineStatus status = timeline.status(now);
                SimBaseline b = timeline.baseline();
                if (matches(finish, status.finishStatus()) && matches(statuses, status.status())
                        && matches(priorities, Integer.toString(b.priority())) && matches(types, type(b.id()))
                        && (owner == null || owner.isBlank() || owner.equals(b.owner()))) {
                    rows.add(status);
                }
            }
        }
        return new BaselineStatusPage(pageNumber, pageSize, rows.size(), slice(rows, pageNumber, pageSize));
    }

    private BaselineConfigPage configPage(Map<String, String> parameters) throws SimulatorError {
        long projectId = longParameter(parameters, "ProjectId");
        int pageNumber = page(parameters, "PageNumber", DataWorksApi.MAX_PAGE_NUMBER);
        int pageSize = page(parameters, "PageSize", DataWorksApi.MAX_PAGE_SIZE);
        Set<String> priorities = filter(parameters, "Priority");
        Set<String> types = filter(parameters, "BaselineTypes");
        String owner = parameters.get("Owner");
        List<BaselineConfig> rows = new ArrayList<>();
        for (long id : baselineIds()) {
            BaselineConfig config = config(id);
            if (config.projectId() == projectId && matches(priorities, Integer.toString(config.priority()))
                    && matches(types, config.baselineType()) && (owner == null || owner.isBlank() || owner.equals(config.owner()))) {
                rows.add(config);
            }
        }
        return new BaselineConfigPage(pageNumber, pageSize, rows.size(), slice(rows, pageNumber, pageSize));
    }

    private BaselineConfig config(long baselineId) throws SimulatorError {
        List<SimBaseline> cycles = scenario.baselines().stream().filter(b -> b.id() == baselineId).toList();
        if (cycles.isEmpty()) {
            throw SimulatorError.business(500, "Invalid.Wkbench.BaselineNotExist", "The baseline does not exist: " + baselineId);
        }
        SimBaseline first = cycles.get(0);
        long midnight = scenario.bizdate().plusDays(1).atStartOfDay(scenario.zone()).toInstant().toEpochMilli();
        List<BaselineConfig.OverTimeSetting> settings = new ArrayList<>();
        for (SimBaseline cycle : cycles) {
            long minutes = (cycle.committedAt() - midnight) / 60_000;
            settings.add(new BaselineConfig.OverTimeSetting(cycle.inGroupId(), String.format("%02d:%02d", minutes / 60, minutes % 60)));
        }
        return new BaselineConfig(first.id(), first.name(), first.projectId(), type(baselineId), first.priority(), first.owner(),
                true, true, (int) ((first.committedAt() - first.alertAt()) / 60_000), settings);
    }

    private TopicPage topicPage(Map<String, String> parameters, long now) throws SimulatorError {
        long begin = time(required(parameters, "BeginTime"), "BeginTime");
        long end = time(required(parameters, "EndTime"), "EndTime");
        int pageNumber = page(parameters, "PageNumber", DataWorksApi.MAX_PAGE_NUMBER);
        int pageSize = page(parameters, "PageSize", DataWorksApi.MAX_PAGE_SIZE);
        Set<String> statuses = filter(parameters, "TopicStatuses");
        Set<String> types = filter(parameters, "TopicTypes");
        String instanceId = parameters.get("InstanceId");
        List<Topic> rows = new ArrayList<>();
        for (BaselineTimeline timeline : ordered) {
            for (Topic topic : timeline.events(now)) {
                if (topic.addTime() >= begin && topic.addTime() <= end && matches(statuses, topic.topicStatus())
                        && matches(types, topic.topicType())
                        && (instanceId == null || instanceId.equals(String.valueOf(topic.instanceId())))) {
                    rows.add(topic);
                }
            }
        }
        return new TopicPage(pageNumber, pageSize, rows.size(), slice(rows, pageNumber, pageSize));
    }

    private Topic topic(long topicId, long now) throws SimulatorError {
        for (BaselineTimeline timeline : ordered) {
            for (Topic topic : timeline.events(now)) {
                if (topic.topicId() == topicId) {
                    return topic;
                }
            }
        }
        throw SimulatorError.business(500, "Invalid.Wkbench.TopicNotExist", "The event does not exist: " + topicId);
    }

    private static long time(String value, String name) throws SimulatorError {
        try {
            return java.time.ZonedDateTime.parse(value, TOPIC_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new SimulatorError(400, "InvalidParameter", name + " must look like 2019-03-24T00:00:00+0800, was " + value);
        }
    }

    private String type(long baselineId) {
        return scenario.baselines().stream().anyMatch(b -> b.id() == baselineId && b.inGroupId() > 1) ? "HOURLY" : "DAILY";
    }

    private List<Long> baselineIds() {
        return scenario.baselines().stream().map(SimBaseline::id).distinct().sorted().toList();
    }

    private static <T> List<T> slice(List<T> rows, int pageNumber, int pageSize) {
        int from = Math.min(rows.size(), (pageNumber - 1) * pageSize);
        return List.copyOf(rows.subList(from, Math.min(rows.size(), from + pageSize)));
    }

    private static int page(Map<String, String> parameters, String name, int max) throws SimulatorError {
        long value = longParameter(parameters, name);
        if (value < 1 || value > max) {
            throw new SimulatorError(400, "InvalidParameter", name + " must be 1.." + max + ", was " + value);
        }
        return (int) value;
    }

    private static Set<String> filter(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<String> values = new HashSet<>();
        for (String part : value.split(",")) {
            // The docs spell the filter value DANGROUS; the answers say either.
            values.add(part.trim().toUpperCase(Locale.ROOT).replace("DANGROUS", "DANGEROUS"));
        }
        return values;
    }

    private static boolean matches(Set<String> wanted, String value) {
        return wanted.isEmpty() || (value != null && wanted.contains(value.toUpperCase(Locale.ROOT)));
    }

    private BaselineTimeline instance(Map<String, String> parameters) throws SimulatorError {
        long baselineId = longParameter(parameters, "BaselineId");
        LocalDate bizdate = bizdate(required(parameters, "Bizdate"));
        int inGroupId = (int) longParameter(parameters, "InGroupId");
        BaselineTimeline timeline = scenario.baseline(baselineId, bizdate, inGroupId)
                .map(b -> timelines.get(b.id() + "/" + b.inGroupId()))
                .orElse(null);
        if (timeline == null) {
            throw SimulatorError.business(500, "Invalid.Wkbench.BaselineStatusNotExist",
                    "The baseline instance does not exist: BaselineId=" + baselineId + ", Bizdate=" + bizdate + ", InGroupId=" + inGroupId);
        }
        return timeline;
    }

    private LocalDate bizdate(String value) throws SimulatorError {
        try {
            return Bizdates.fromRequestParameter(value, scenario.zone());
        } catch (DateTimeParseException e) {
            throw new SimulatorError(400, "InvalidParameter", "Bizdate must look like 2020-07-07T00:00:00+0800, was " + value);
        }
    }

    private static long longParameter(Map<String, String> parameters, String name) throws SimulatorError {
        String value = required(parameters, name);
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new SimulatorError(400, "InvalidParameter", name + " must be a number, was " + value);
        }
    }

    private static String required(Map<String, String> parameters, String name) throws SimulatorError {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw new SimulatorError(400, "MissingParameter", name + " is mandatory for this action.");
        }
        return value;
    }
}
