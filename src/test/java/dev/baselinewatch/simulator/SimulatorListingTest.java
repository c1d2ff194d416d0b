package dev.baselinewatch.simulator;

import dev.baselinewatch.testing.SimulatorClients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.dataworks.DataWorksHttpClient;
import dev.baselinewatch.dataworks.model.BaselineConfig;
import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.dataworks.model.BaselineStatusPage;
import dev.baselinewatch.dataworks.model.StatusQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The listing calls over real HTTP: paging within the documented limits, filters, hourly cycles. */
class SimulatorListingTest {

    private static final LocalDate BIZDATE = LocalDate.of(2026, 12, 2);
    private static DataWorksSimulator simulator;
    private static DataWorksHttpClient client;

    @BeforeAll
    static void start() throws Exception {
        StringBuilder yaml = new StringBuilder("""
                clock: { runDay: 2026-12-03, start: "03:00", speed: 1 }
                baselines:
                """);
        for (int id = 1; id <= 250; id++) {
            // Every fifth finished already, every tenth in project 2 with priority 8.
            String start = id % 5 == 0 ? "01:00" : "02:50";
            yaml.append("  - { id: ").append(id).append(", projectId: ").append(id % 10 == 0 ? 2 : 1)
                    .append(", priority: ").append(id % 10 == 0 ? 8 : 3)
                    .append(", committedTime: \"06:00\", nodes: [ { plannedStart: \"").append(start).append("\", expectedDuration: 30m } ] }\n");
        }
        yaml.append("""
                  - { id: 900, inGroupId: 1, committedTime: "03:58", nodes: [ { plannedStart: "02:00", expectedDuration: 30m } ] }
                  - { id: 900, inGroupId: 24, committedTime: "26:58", nodes: [ { plannedStart: "25:00", expectedDuration: 30m } ] }
                """);
        simulator = DataWorksSimulator.start(ScenarioLoader.parse(yaml.toString(), "listing"), 0);
        client = SimulatorClients.client(simulator);
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        simulator.close();
    }

    @Test
    void pagesThroughEveryInstanceOfABusinessDateAHundredAtATime() throws Exception {
        List<BaselineStatus> all = new ArrayList<>();
        BaselineStatusPage page;
        int pageNumber = 0;
        do {
            page = client.listBaselineStatuses(BIZDATE, ++pageNumber, 100, StatusQuery.ALL).data();
            all.addAll(page.baselineStatuses());
        } while (page.hasMore());

        assertThat(pageNumber).isEqualTo(3);
        assertThat(page.totalCount()).isEqualTo(252);
        assertThat(all).hasSize(252).extracting(s -> s.baselineId() + "/" + s.inGroupId()).doesNotHaveDuplicates();
        assertThat(client.listBaselineStatuses(BIZDATE.minusDays(1), 1, 100, StatusQuery.ALL).data().totalCount()).isZero();
    }

    @Test
    void filtersByFinishStatusAndPriority() throws Exception {
        BaselineStatusPage unfinished = client.listBaselineStatuses(BIZDATE, 1, 100, StatusQuery.unfinished()).data();
        // Every fifth of the 250 and the first cycle of 900 ran before 03:00.
        assertThat(unfinished.totalCount()).isEqualTo(252 - 51);
        assertThat(unfinished.baselineStatuses()).noneMatch(BaselineStatus::finished);

        BaselineStatusPage urgent = client.listBaselineStatuses(BIZDATE, 1, 100,
                new StatusQuery(null, null, "7,8", null, null, null)).data();
        assertThat(urgent.baselineStatuses()).hasSize(25).allMatch(s -> s.priority() == 8);
    }

    @Test
    void refusesPagesBeyondTheServicesLimits() throws Exception {
        assertThatThrownBy(() -> client.listBaselineStatuses(BIZDATE, 31, 100, StatusQuery.ALL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..30");
        assertThatThrownBy(() -> client.listBaselineStatuses(BIZDATE, 1, 101, StatusQuery.ALL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(client.listBaselineStatuses(BIZDATE, 30, 100, StatusQuery.ALL).data().baselineStatuses()).isEmpty();
    }

    @Test
    void discoversBaselinesOfAProjectWithTheirTypeAndCommittedTimes() throws Exception {
        var project2 = client.listBaselines(2, 1, 100, null, null, null).data();
        assertThat(project2.totalCount()).isEqualTo(25);
        assertThat(project2.baselines()).allMatch(b -> b.priority() == 8 && b.projectId() == 2 && !b.hourly());

        BaselineConfig hourly = client.getBaseline(900).data();
        assertThat(hourly.hourly()).isTrue();
        assertThat(hourly.alertMarginThreshold()).isEqualTo(30);
        assertThat(hourly.overTimeSettings()).containsExactly(
                new BaselineConfig.OverTimeSetting(1, "03:58"), new BaselineConfig.OverTimeSetting(24, "26:58"));
        assertThatThrownBy(() -> client.getBaseline(404))
                .isInstanceOfSatisfying(DataWorksException.class, e -> assertThat(e.code()).isEqualTo("Invalid.Wkbench.BaselineNotExist"));
    }
}
