package dev.baselinewatch.simulator;

import static dev.baselinewatch.simulator.RequestParameters.filter;
import static dev.baselinewatch.simulator.RequestParameters.longParameter;
import static dev.baselinewatch.simulator.RequestParameters.matches;
import static dev.baselinewatch.simulator.RequestParameters.ownerMatches;

import dev.baselinewatch.dataworks.DataWorksApi;
import dev.baselinewatch.dataworks.model.BaselineConfig;
import dev.baselinewatch.dataworks.model.BaselineConfigPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ListBaselines} and {@code GetBaseline}: each baseline's configuration, the same on every
 * business date. An hourly baseline reports one committed time per cycle as {@code hh:mm}, hh up to
 * 47 when a cycle falls on the next day, exactly as DataWorks writes them.
 */
final class BaselineConfigs {

    private final Scenario scenario;
    /** ListBaselines answers in id order. */
    private final List<Long> sortedIds;

    BaselineConfigs(Scenario scenario) {
        this.scenario = scenario;
        this.sortedIds = scenario.baselineIds().stream().sorted().toList();
    }

    BaselineConfigPage page(Map<String, String> parameters) throws SimulatorError {
        long projectId = longParameter(parameters, "ProjectId");
        int pageNumber = RequestParameters.page(parameters, "PageNumber", DataWorksApi.MAX_PAGE_NUMBER);
        int pageSize = RequestParameters.page(parameters, "PageSize", DataWorksApi.MAX_PAGE_SIZE);
        Set<String> priorities = filter(parameters, "Priority");
        Set<String> types = filter(parameters, "BaselineTypes");
        String owner = parameters.get("Owner");
        List<BaselineConfig> rows = new ArrayList<>();
        for (long id : sortedIds) {
            ScenarioBaseline first = scenario.definitions(id).get(0);
            if (first.projectId() == projectId && matches(priorities, Integer.toString(first.priority()))
                    && matches(types, scenario.baselineType(id)) && ownerMatches(owner, first.owner())) {
                rows.add(config(id));
            }
        }
        return new BaselineConfigPage(pageNumber, pageSize, rows.size(), RequestParameters.slice(rows, pageNumber, pageSize));
    }

    BaselineConfig config(long baselineId) throws SimulatorError {
        List<ScenarioBaseline> entries = scenario.definitions(baselineId);
        if (entries.isEmpty()) {
            throw SimulatorError.business(500, "Invalid.Wkbench.BaselineNotExist", "The baseline does not exist: " + baselineId);
        }
        List<BaselineConfig.OverTimeSetting> settings = new ArrayList<>();
        for (ScenarioBaseline entry : entries) {
            for (int inGroupId : entry.inGroupIds()) {
                long minutes = entry.committedOffset(inGroupId) / 60_000;
                settings.add(new BaselineConfig.OverTimeSetting(inGroupId, String.format("%02d:%02d", minutes / 60, minutes % 60)));
            }
        }
        ScenarioBaseline first = entries.get(0);
        return new BaselineConfig(first.id(), first.name(), first.projectId(), scenario.baselineType(baselineId), first.priority(),
                first.owner(), true, true, (int) (first.alertMargin() / 60_000), settings);
    }
}
