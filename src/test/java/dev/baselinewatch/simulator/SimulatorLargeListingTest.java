package dev.baselinewatch.simulator;

import dev.baselinewatch.testing.SimulatorClients;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.dataworks.DataWorksHttpClient;
import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.dataworks.model.BaselineStatusPage;
import dev.baselinewatch.dataworks.model.StatusQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ListBaselineStatuses over thousands of instances of one business date, within the service's paging limits. */
class SimulatorLargeListingTest {

    private static final LocalDate BIZDATE = LocalDate.of(2026, 12, 2);
    private static final int INSTANCES = 150 * 24;
    private static DataWorksSimulator simulator;
    private static DataWorksHttpClient client;

    @BeforeAll
    static void start() throws Exception {
        simulator = DataWorksSimulator.start(ScenarioLoader.parse("""
                clock: { runDay: 2026-12-03, start: "12:00", speed: 1 }
                generate:
                  - { count: 150, firstId: 7001, cycles: 24, committedWindow: ["01:00", "01:40"], keyPathLength: [1, 3],
                      nodeDuration: [3m, 10m], alertMargin: 15m, slack: [3m, 10m],
                      fates: { slowNode: 0.05, neverStarts: 0.05 } }
                """, "large-listing"), 0);
        client = SimulatorClients.client(simulator);
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        simulator.close();
    }

    @Test
    void thirtyPagesOfAHundredReachTheFirst3000AndCountThemAll() throws Exception {
        List<String> seen = new ArrayList<>();
        BaselineStatusPage page = null;
        for (int pageNumber = 1; pageNumber <= 30; pageNumber++) {
            page = client.listBaselineStatuses(BIZDATE, pageNumber, 100, StatusQuery.ALL).data();
            assertThat(page.totalCount()).isEqualTo(INSTANCES);
            assertThat(page.baselineStatuses()).hasSize(100);
            page.baselineStatuses().forEach(s -> seen.add(s.baselineId() + "/" + s.inGroupId()));
        }
        assertThat(page.hasMore()).as("more rows than the service lets one filter page through").isTrue();
        assertThat(seen).hasSize(3000).doesNotHaveDuplicates();
        // Scenario order: baseline by baseline, each baseline's cycles in order.
        assertThat(seen.subList(0, 25)).startsWith("7001/1", "7001/2").contains("7001/24", "7002/1");
    }

    @Test
    void filtersReachEveryInstanceTheUnfilteredPagesCannot() throws Exception {
        Set<String> all = new HashSet<>();
        for (String priority : List.of("1", "3", "5", "7", "8")) {
            BaselineStatusPage page;
            int pageNumber = 0;
            do {
                page = client.listBaselineStatuses(BIZDATE, ++pageNumber, 100,
                        new StatusQuery(null, null, priority, null, null, null)).data();
                for (BaselineStatus s : page.baselineStatuses()) {
                    assertThat(s.priority()).isEqualTo(Integer.parseInt(priority));
                    assertThat(all.add(s.baselineId() + "/" + s.inGroupId())).isTrue();
                }
            } while (page.hasMore());
        }
        assertThat(all).hasSize(INSTANCES);

        // At noon every cycle up to 10 or 11 has had its turn; those that never start are still unfinished.
        BaselineStatusPage unfinished = client.listBaselineStatuses(BIZDATE, 1, 100, StatusQuery.unfinished()).data();
        assertThat(unfinished.totalCount()).isBetween(INSTANCES / 2, INSTANCES - 1000);
        assertThat(unfinished.baselineStatuses()).noneMatch(BaselineStatus::finished);
    }
}
