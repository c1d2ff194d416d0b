package dev.baselinewatch.score;

import dev.baselinewatch.simulator.Scenario;
import dev.baselinewatch.simulator.ScenarioBaseline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeSet;

/**
 * The job config a scenario is scored with when none is given: every baseline of every project the
 * scenario has (found by discovery, as production would), and the production schedule in DataWorks
 * time (an urgent instance every 5 minutes, a far one every 15, a blind spot after an hour unseen),
 * turned into wall time by the scenario's clock speed. Written to a file so a run can be repeated
 * with {@code --config}.
 */
public final class ScenarioJobConfig {

    /** The production schedule, in DataWorks time. */
    static final Duration POLL = Duration.ofMinutes(5);
    static final Duration FAR_POLL = Duration.ofMinutes(15);
    static final Duration BLIND_SPOT = Duration.ofHours(1);
    /** The production default rate in DataWorks time, sped up with the clock, as far as the config allows. */
    static final double CALLS_PER_DATAWORKS_SECOND = 5;
    static final double MAX_CALLS_PER_SECOND = 1000;

    private ScenarioJobConfig() {}

    /** The wall time that {@code dataWorksTime} takes on the scenario's clock, at least a millisecond. */
    static Duration wall(Duration dataWorksTime, Scenario scenario) {
        return Duration.ofMillis(Math.max(1, Math.round(dataWorksTime.toMillis() / scenario.speed())));
    }

    public static String yaml(Scenario scenario) {
        TreeSet<Long> projects = new TreeSet<>();
        for (ScenarioBaseline baseline : scenario.definitions()) {
            projects.add(baseline.projectId());
        }
        double callsPerSecond = Math.min(MAX_CALLS_PER_SECOND, CALLS_PER_DATAWORKS_SECOND * scenario.speed());
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Written by the scorer for scenario '").append(scenario.name()).append("' (clock ")
                .append(scenario.speed()).append("x): every baseline of its projects,\n")
                .append("# polled every 5 DataWorks minutes when urgent, every 15 when far, a blind spot after an hour.\n")
                .append("# Endpoints are replaced by the simulator's and the embedded broker's.\n")
                .append("job:\n  name: baseline-watch\n  environment: score\n")
                .append("dataworks:\n")
                .append("  endpoint: http://127.0.0.1:1\n")
                .append("  timeZone: \"").append(scenario.zone().getId()).append("\"\n")
                .append("  pollInterval: ").append(wall(POLL, scenario).toMillis()).append("ms\n")
                .append("  farPollInterval: ").append(wall(FAR_POLL, scenario).toMillis()).append("ms\n")
                .append("  blindSpotAfter: ").append(wall(BLIND_SPOT, scenario).toMillis()).append("ms\n")
                .append("  connectTimeout: 2s\n  readTimeout: 5s\n")
                .append("budget:\n  callsPerSecond: ").append(callsPerSecond).append('\n')
                .append("discovery:\n  projects:\n");
        projects.forEach(id -> yaml.append("    - { projectId: ").append(id).append(" }\n"));
        yaml.append("kafka:\n  bootstrapServers: 127.0.0.1:1\n  deliveryGuarantee: exactly-once\n  transactionTimeout: 1m\n")
                .append("checkpointing:\n  interval: 1s\n");
        return yaml.toString();
    }

    /** Writes the config for {@code scenario} into {@code dir} and returns its path. */
    public static Path write(Scenario scenario, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(ScoreFiles.safeName(scenario.name()) + ".job.yaml");
        Files.writeString(file, yaml(scenario));
        return file;
    }
}
