package dev.baselinewatch.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.job.BaselineWatchJob;
import dev.baselinewatch.simulator.Scenario;
import dev.baselinewatch.simulator.ScenarioLoader;
import dev.baselinewatch.simulator.ScenarioTruth;
import dev.baselinewatch.testing.LoopbackMiniCluster;
import java.nio.file.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scorer end to end: a small scenario written by hand in the documented format, through the whole
 * job (simulator, real broker, MiniCluster) on the config the scorer writes itself, scored against
 * the ground truth. The numbers asserted are the ones a user reads in the report.
 */
class ScoreITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK = LoopbackMiniCluster.extension(2);

    /** Five hours of DataWorks time in 30 s; two projects, found by discovery. */
    private static final String SCENARIO = """
            name: score-itcase
            timeZone: "+08:00"
            clock: { runDay: 2026-12-03, start: "00:00", speed: 600, end: "05:00" }
            baselines:
              - id: 2001                # finishes 01:30, committed 04:00: finished with margin, must not be alerted
                projectId: 20
                priority: 5
                committedTime: "04:00"
                nodes: [ { plannedStart: "01:00", expectedDuration: 30m } ]
              - id: 2002                # a node runs 2h30 instead of 45m: finishes 04:20, committed 03:30: missed
                projectId: 20
                priority: 8
                committedTime: "03:30"
                nodes:
                  - { plannedStart: "01:00", expectedDuration: 30m }
                  - { expectedDuration: 45m, actualDuration: 2h30m }
                  - { expectedDuration: 20m }
              - id: 2003                # never starts, committed 04:00: missed
                projectId: 21
                priority: 7
                committedTime: "04:00"
                nodes: [ { plannedStart: "01:30", expectedDuration: 30m, outcome: NEVER_STARTS } ]
              - id: 2004                # finishes 04:10, between its alert time 04:00 and committed time 04:30: an alert is fair
                projectId: 21
                priority: 3
                committedTime: "04:30"
                nodes: [ { plannedStart: "03:00", expectedDuration: 30m, actualDuration: 70m } ]
              - id: 2005                # committed 06:00, after the clock's end: not judged
                projectId: 21
                priority: 1
                committedTime: "06:00"
                nodes: [ { plannedStart: "01:00", expectedDuration: 60m } ]
            """;

    @Test
    void scoresAHandWrittenScenarioThroughTheWholeJob(@TempDir Path dir) throws Exception {
        Scenario scenario = ScenarioLoader.parse(SCENARIO, "score-itcase.yaml");
        Path config = ScenarioJobConfig.write(scenario, dir);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        ScoredRun.Outcome outcome = ScoredRun.run(scenario, config, env, BaselineWatchJob::configure);
        Score score = Scorecard.score(outcome.alerts(), ScenarioTruth.of(scenario).instances());

        assertThat(outcome.jobRan()).as("the job ran to the end").isTrue();
        assertThat(score.judged()).isEqualTo(4);
        assertThat(score.notJudged()).isEqualTo(1);
        assertThat(score.missed()).isEqualTo(2);
        assertThat(score.finishedWithMargin()).isEqualTo(1);
        // Recall 2/2: 2002 and 2003 alerted before their committed times.
        assertThat(score.caughtInTime()).isEqualTo(2);
        assertThat(score.recall()).isEqualTo(1.0);
        // Precision 3/3: 2002, 2003 and 2004 (past its alert time) alerted; 2001 left alone.
        assertThat(score.alerted()).isEqualTo(3);
        assertThat(score.falseAlarms()).isZero();
        assertThat(score.precision()).isEqualTo(1.0);
        assertThat(score.duplicates()).isZero();
        // Both are at risk by their alert time at the latest, 30 minutes before the committed time; the watermark
        // moves at the end of each 5-minute round (about 25 minutes of lead here), and a loaded machine runs late.
        assertThat(score.leadSeconds().count()).isEqualTo(2);
        assertThat(score.leadSeconds().p10()).isBetween(10 * 60L, 90 * 60L);
        assertThat(score.detectionSeconds().count()).isEqualTo(2);
        assertThat(score.recordsByKind()).containsKeys("BASELINE_AT_RISK", "BASELINE_LATE");
        // Discovery listed both projects; the statuses came from listings and single reads.
        assertThat(outcome.callsByAction()).containsKeys("ListBaselines", "ListBaselineStatuses");
        assertThat(outcome.callsByAction().get("ListBaselines")).isGreaterThanOrEqualTo(2);
        assertThat(outcome.answers()).doesNotContainKey("SignatureDoesNotMatch");
    }
}
