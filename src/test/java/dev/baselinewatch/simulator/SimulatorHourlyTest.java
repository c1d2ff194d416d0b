package dev.baselinewatch.simulator;

import dev.baselinewatch.testing.SimulatorClients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.dataworks.DataWorksHttpClient;
import dev.baselinewatch.dataworks.model.BaselineConfig;
import dev.baselinewatch.dataworks.model.BaselineConfig.OverTimeSetting;
import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.dataworks.model.StatusQuery;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An hourly baseline over real HTTP: 24 cycles, the last committed at 26:58, on the next calendar day. */
class SimulatorHourlyTest {

    private static final ZoneOffset ZONE = ZoneOffset.ofHours(8);
    private static final LocalDate BIZDATE = LocalDate.of(2026, 12, 2);
    private static DataWorksSimulator simulator;
    private static DataWorksHttpClient client;

    @BeforeAll
    static void start() throws Exception {
        // The clock starts at 02:30 on 2026-12-04, while cycle 24 runs (planned 26:00, two 20-minute nodes).
        simulator = DataWorksSimulator.start(ScenarioLoader.parse("""
                clock: { runDay: 2026-12-03, start: "26:30", speed: 1, end: "30:00" }
                baselines:
                  - { id: 7, committedTime: "05:00", nodes: [ { plannedStart: "01:00", expectedDuration: 30m } ] }
                  - { id: 900, name: hourly_orders, projectId: 7, cycles: 24, committedTime: "03:58", alertMargin: 15m,
                      nodes: [ { id: 90001, name: orders_sync, plannedStart: "03:00", expectedDuration: 20m },
                               { id: 90002, name: orders_agg, expectedDuration: 20m } ] }
                """, "hourly"), 0);
        client = SimulatorClients.client(simulator);
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        simulator.close();
    }

    @Test
    void cycle24IsCommittedAt2658OnTheNextCalendarDay() throws Exception {
        BaselineStatus cycle24 = client.getBaselineStatus(900, BIZDATE, 24).data();

        assertThat(cycle24.inGroupId()).isEqualTo(24);
        assertThat(cycle24.slaTime()).isEqualTo(at("2026-12-04T02:58"));
        assertThat(cycle24.expTime()).isEqualTo(at("2026-12-04T02:43"));
        assertThat(cycle24.endCast()).isEqualTo(at("2026-12-04T02:40"));
        assertThat(cycle24.status()).isEqualTo("SAFE");
        assertThat(cycle24.finishStatus()).isEqualTo("UNFINISH");

        BaselineStatus cycle1 = client.getBaselineStatus(900, BIZDATE, 1).data();
        assertThat(cycle1.slaTime()).isEqualTo(at("2026-12-03T03:58"));
        assertThat(cycle1.finishTime()).isEqualTo(at("2026-12-03T03:40"));

        assertThatThrownBy(() -> client.getBaselineStatus(900, BIZDATE, 25))
                .isInstanceOfSatisfying(DataWorksException.class,
                        e -> assertThat(e.code()).isEqualTo("Invalid.Wkbench.BaselineStatusNotExist"));
    }

    @Test
    void getBaselineShowsHourlyWithOneCommittedTimePerCycle() throws Exception {
        BaselineConfig config = client.getBaseline(900).data();

        assertThat(config.baselineType()).isEqualTo("HOURLY");
        assertThat(config.alertMarginThreshold()).isEqualTo(15);
        assertThat(config.overTimeSettings()).hasSize(24)
                .startsWith(new OverTimeSetting(1, "03:58"), new OverTimeSetting(2, "04:58"))
                .contains(new OverTimeSetting(21, "23:58"), new OverTimeSetting(22, "24:58"))
                .endsWith(new OverTimeSetting(24, "26:58"));
        assertThat(client.listBaselines(7, 1, 100, null, null, "HOURLY").data().baselines())
                .extracting(BaselineConfig::baselineId).containsExactly(900L);
        assertThat(client.getBaseline(7).data().baselineType()).isEqualTo("DAILY");
    }

    @Test
    void everyCycleHasNodeInstancesOfItsOwn() throws Exception {
        Set<Long> instanceIds = new HashSet<>();
        for (int cycle = 1; cycle <= 24; cycle++) {
            client.getBaselineKeyPath(900, BIZDATE, cycle).data().forEach(node -> instanceIds.add(node.instanceId()));
        }
        assertThat(instanceIds).hasSize(48).contains(90_001_001L, 90_001_024L, 90_002_024L);
        var cycle24 = client.getBaselineKeyPath(900, BIZDATE, 24).data();
        assertThat(cycle24).extracting(n -> n.latestRun().status()).containsExactly("SUCCESS", "RUNNING");
        assertThat(cycle24.get(0).latestRun().beginRunningTime()).isEqualTo(at("2026-12-04T02:00"));
    }

    @Test
    void listsTheCyclesOfABusinessDateByType() throws Exception {
        var hourly = client.listBaselineStatuses(BIZDATE, 1, 100, new StatusQuery(null, null, null, null, "HOURLY", null)).data();
        assertThat(hourly.totalCount()).isEqualTo(24);
        assertThat(hourly.baselineStatuses()).extracting(BaselineStatus::inGroupId).doesNotHaveDuplicates().contains(1, 24);

        var unfinished = client.listBaselineStatuses(BIZDATE, 1, 100, StatusQuery.unfinished()).data();
        assertThat(unfinished.baselineStatuses()).extracting(s -> s.baselineId() + "/" + s.inGroupId()).containsExactly("900/24");
    }

    private static long at(String localDateTime) {
        return OffsetDateTime.of(java.time.LocalDateTime.parse(localDateTime), ZONE).toInstant().toEpochMilli();
    }
}
