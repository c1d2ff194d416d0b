package dev.baselinewatch.simulator;

import static dev.baselinewatch.simulator.RequestParameters.filter;
import static dev.baselinewatch.simulator.RequestParameters.longParameter;
import static dev.baselinewatch.simulator.RequestParameters.matches;
import static dev.baselinewatch.simulator.RequestParameters.ownerMatches;
import static dev.baselinewatch.simulator.RequestParameters.page;

import dev.baselinewatch.dataworks.DataWorksApi;
import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.dataworks.model.BaselineStatusPage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DataWorks actions the simulator serves, answered from the scenario at the simulated time.
 * Knows nothing of HTTP or signatures: {@link DataWorksSimulator} does that. Configuration answers are
 * {@link BaselineConfigs}', events {@link SimulatedTopics}'.
 */
final class SimulatedDataWorks {

    private final Scenario scenario;
    private final TimelineCache timelines;
    private final BaselineConfigs configs;
    private final SimulatedTopics topics;

    SimulatedDataWorks(Scenario scenario) {
        this.scenario = scenario;
        this.timelines = new TimelineCache(scenario);
        this.configs = new BaselineConfigs(scenario);
        this.topics = new SimulatedTopics(scenario, timelines);
    }

    /** The {@code Data} of a successful answer to {@code action}. */
    Object answer(String action, Map<String, String> parameters, long now) throws SimulatorError {
        return switch (action) {
            case "GetBaselineStatus" -> instance(parameters, now).status(now);
            case "GetBaselineKeyPath" -> instance(parameters, now).keyPath(now);
            case "ListBaselineStatuses" -> statusPage(parameters, now);
            case "ListBaselines" -> configs.page(parameters);
            case "GetBaseline" -> configs.config(longParameter(parameters, "BaselineId"));
            case "ListTopics" -> topics.page(parameters, now);
            case "GetTopic" -> topics.topic(longParameter(parameters, "TopicId"), now);
            default -> throw new SimulatorError(404, "InvalidAction.NotFound",
                    "Specified api is not found, please check your url and method.");
        };
    }

    /** Timelines held in memory now: tests check the bound with it. */
    int cachedTimelines() {
        return timelines.size();
    }

    /**
     * Every instance of the business date in scenario order (baseline by baseline, cycle by cycle),
     * filtered; only the page asked for is turned into full answers.
     */
    private BaselineStatusPage statusPage(Map<String, String> parameters, long now) throws SimulatorError {
        LocalDate bizdate = RequestParameters.bizdate(parameters, scenario.zone());
        int pageNumber = page(parameters, "PageNumber", DataWorksApi.MAX_PAGE_NUMBER);
        int pageSize = page(parameters, "PageSize", DataWorksApi.MAX_PAGE_SIZE);
        Set<String> finish = filter(parameters, "FinishStatus");
        Set<String> statuses = filter(parameters, "Status");
        Set<String> priorities = filter(parameters, "Priority");
        Set<String> types = filter(parameters, "BaselineTypes");
        String owner = parameters.get("Owner");
        List<BaselineTimeline> rows = new ArrayList<>();
        if (scenario.hasBizdate(bizdate)) {
            TimelineCache.Day day = timelines.day(bizdate, now);
            for (ScenarioBaseline b : scenario.definitions()) {
                if (!matches(priorities, Integer.toString(b.priority())) || !matches(types, scenario.baselineType(b.id()))
                        || !ownerMatches(owner, b.owner())) {
                    continue;
                }
                for (int inGroupId : b.inGroupIds()) {
                    BaselineTimeline timeline = day.timeline(b, inGroupId);
                    if (matches(finish, timeline.finished(now) ? "FINISH" : "UNFINISH") && matches(statuses, timeline.statusName(now))) {
                        rows.add(timeline);
                    }
                }
            }
        }
        List<BaselineStatus> page = new ArrayList<>();
        for (BaselineTimeline timeline : RequestParameters.slice(rows, pageNumber, pageSize)) {
            page.add(timeline.status(now));
        }
        return new BaselineStatusPage(pageNumber, pageSize, rows.size(), page);
    }

    private BaselineTimeline instance(Map<String, String> parameters, long now) throws SimulatorError {
        long baselineId = longParameter(parameters, "BaselineId");
        LocalDate bizdate = RequestParameters.bizdate(parameters, scenario.zone());
        int inGroupId = (int) longParameter(parameters, "InGroupId");
        ScenarioBaseline baseline = scenario.hasBizdate(bizdate) ? scenario.definition(baselineId, inGroupId).orElse(null) : null;
        if (baseline == null) {
            throw SimulatorError.business(500, "Invalid.Wkbench.BaselineStatusNotExist",
                    "The baseline instance does not exist: BaselineId=" + baselineId + ", Bizdate=" + bizdate + ", InGroupId=" + inGroupId);
        }
        return timelines.day(bizdate, now).timeline(baseline, inGroupId);
    }
}
