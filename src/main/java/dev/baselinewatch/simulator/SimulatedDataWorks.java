package dev.baselinewatch.simulator;

import dev.baselinewatch.dataworks.Bizdates;
import dev.baselinewatch.simulator.Scenario.SimBaseline;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * The DataWorks actions the simulator serves, answered from the scenario at the simulated time.
 * Knows nothing of HTTP or signatures: {@link DataWorksSimulator} does that.
 */
final class SimulatedDataWorks {

    private final Scenario scenario;
    private final Map<String, BaselineTimeline> timelines = new HashMap<>();

    SimulatedDataWorks(Scenario scenario) {
        this.scenario = scenario;
        long bizdateMillis = Bizdates.toEpochMillis(scenario.bizdate(), scenario.zone());
        for (SimBaseline baseline : scenario.baselines()) {
            timelines.put(baseline.id() + "/" + baseline.inGroupId(),
                    new BaselineTimeline(baseline, scenario.start().toEpochMilli(), bizdateMillis));
        }
    }

    /** The {@code Data} of a successful answer to {@code action}. */
    Object answer(String action, Map<String, String> parameters, long now) throws SimulatorError {
        return switch (action) {
            case "GetBaselineStatus" -> instance(parameters).status(now);
            case "GetBaselineKeyPath" -> instance(parameters).keyPath(now);
            default -> throw new SimulatorError(404, "InvalidAction.NotFound",
                    "Specified api is not found, please check your url and method.");
        };
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
