package dev.baselinewatch.simulator;

import dev.baselinewatch.testing.SimulatorClients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baselinewatch.dataworks.Bizdates;
import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.dataworks.DataWorksHttpClient;
import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.dataworks.model.BaselineStatusPage;
import dev.baselinewatch.dataworks.model.KeyPathNode;
import dev.baselinewatch.dataworks.model.StatusQuery;
import dev.baselinewatch.dataworks.model.Topic;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several run days: every business date's instance is served, earlier ones keep answering, old timelines are let go. */
class SimulatorMultiDayTest {

    private static final ZoneOffset ZONE = ZoneOffset.ofHours(8);
    private static final LocalDate FIRST = LocalDate.of(2026, 12, 2);
    private static final long RUN_DAY = LocalDate.of(2026, 12, 3).atStartOfDay(ZONE).toInstant().toEpochMilli();
    private static final long DAY = Duration.ofDays(1).toMillis();

    /** Two daily baselines over three run days; 1002's dwd_orders runs slow every day, so every day it is late. */
    private static final String THREE_DAYS = """
            clock: { runDay: 2026-12-03, days: 3, start: "03:00", speed: 1 }
            baselines:
              - { id: 1001, committedTime: "06:00", nodes: [ { id: 100101, plannedStart: "01:00", expectedDuration: 30m } ] }
              - { id: 1002, committedTime: "05:00", nodes: [
                  { id: 100201, name: ods_orders_sync, plannedStart: "01:00", expectedDuration: 30m },
                  { id: 100202, name: dwd_orders, expectedDuration: 45m, actualDuration: 3h30m },
                  { id: 100203, name: ads_gmv, expectedDuration: 30m } ] }
            """;

    @Test
    void servesEveryBusinessDateOverHttpAndNothingOutsideThem() throws Exception {
        try (DataWorksSimulator simulator = DataWorksSimulator.start(ScenarioLoader.parse(THREE_DAYS, "three-days"), 0);
                DataWorksHttpClient client = client(simulator)) {
            for (int d = 0; d < 3; d++) {
                LocalDate bizdate = FIRST.plusDays(d);
                BaselineStatus status = client.getBaselineStatus(1002, bizdate, 1).data();
                assertThat(status.bizdate()).isEqualTo(Bizdates.toEpochMillis(bizdate, ZONE));
                assertThat(status.slaTime()).as("committed 05:00 on its own run day").isEqualTo(RUN_DAY + d * DAY + Duration.ofHours(5).toMillis());

                List<KeyPathNode> path = client.getBaselineKeyPath(1002, bizdate, 1).data();
                assertThat(path).extracting(KeyPathNode::instanceId)
                        .containsExactly(100_201_001L + d, 100_202_001L + d, 100_203_001L + d);

                BaselineStatusPage page = client.listBaselineStatuses(bizdate, 1, 100, StatusQuery.ALL).data();
                assertThat(page.baselineStatuses()).extracting(BaselineStatus::baselineId).containsExactly(1001L, 1002L);
            }
            // The clock is at 03:00 of the first run day: the first date is running, the later ones wait for their day.
            assertThat(client.getBaselineStatus(1001, FIRST, 1).data().finishStatus()).isEqualTo("FINISH");
            assertThat(client.getBaselineStatus(1001, FIRST.plusDays(2), 1).data().finishStatus()).isEqualTo("UNFINISH");

            for (LocalDate outside : List.of(FIRST.minusDays(1), FIRST.plusDays(3))) {
                assertThatThrownBy(() -> client.getBaselineStatus(1001, outside, 1))
                        .isInstanceOfSatisfying(DataWorksException.class,
                                e -> assertThat(e.code()).isEqualTo("Invalid.Wkbench.BaselineStatusNotExist"));
                assertThat(client.listBaselineStatuses(outside, 1, 100, StatusQuery.ALL).data().totalCount()).isZero();
            }
        }
    }

    @Test
    void earlierBusinessDatesAnswerTheSameAfterTheClockHasMovedOn() throws Exception {
        SimulatedDataWorks dataWorks = new SimulatedDataWorks(ScenarioLoader.parse(THREE_DAYS, "three-days"));
        long firstDayAt0600 = RUN_DAY + Duration.ofHours(6).toMillis();
        long thirdDayAt0600 = firstDayAt0600 + 2 * DAY;

        BaselineStatus thenSeen = status(dataWorks, 1002, FIRST, firstDayAt0600);
        BaselineStatus seenLater = status(dataWorks, 1002, FIRST, thirdDayAt0600);
        assertThat(seenLater).isEqualTo(thenSeen);
        assertThat(seenLater.status()).isEqualTo("OVER");
        assertThat(seenLater.finishTime()).isEqualTo(RUN_DAY + Duration.ofMinutes(5 * 60 + 30).toMillis());

        BaselineStatus third = status(dataWorks, 1002, FIRST.plusDays(2), thirdDayAt0600);
        assertThat(third.finishTime()).isEqualTo(seenLater.finishTime() + 2 * DAY);
    }

    @Test
    void timelinesMoreThanTwoDaysBehindTheClockAreDropped() throws Exception {
        Scenario scenario = ScenarioLoader.parse("""
                clock: { runDay: 2026-12-03, days: 10, speed: 1 }
                generate:
                  - { count: 50, firstId: 100, cycles: 24, committedWindow: ["01:00", "01:30"], keyPathLength: [1, 2],
                      nodeDuration: [3m, 5m], alertMargin: 15m, slack: [3m, 5m] }
                """, "ten-days");
        SimulatedDataWorks dataWorks = new SimulatedDataWorks(scenario);
        int perDate = scenario.instancesPerBizdate();

        // A poller's day: each noon, list today's and yesterday's business dates in full.
        for (int day = 0; day < 10; day++) {
            long noon = RUN_DAY + day * DAY + Duration.ofHours(12).toMillis();
            LocalDate current = FIRST.plusDays(day);
            for (LocalDate bizdate : List.of(current.minusDays(1), current)) {
                for (int page = 1; page <= (perDate + 99) / 100; page++) {
                    list(dataWorks, bizdate, page, noon);
                }
            }
            // Kept: business dates from two days behind the clock's date up to it.
            assertThat(dataWorks.cachedTimelines()).as("day " + day).isLessThanOrEqualTo(3 * perDate);
        }
        assertThat(dataWorks.cachedTimelines()).isEqualTo(2 * perDate);

        // Asking for an old date again builds it again, in the one spare date's place.
        long lastNoon = RUN_DAY + 9 * DAY + Duration.ofHours(12).toMillis();
        BaselineStatus old = status(dataWorks, 100, FIRST, lastNoon);
        assertThat(old.finishStatus()).isEqualTo("FINISH");
        assertThat(dataWorks.cachedTimelines()).isEqualTo(2 * perDate + 1);
        // A listing judges every instance of its date: the spare now holds all of another old date.
        list(dataWorks, FIRST.plusDays(1), 1, lastNoon);
        assertThat(dataWorks.cachedTimelines()).isEqualTo(3 * perDate);
    }

    @Test
    void eventsOfEveryRunDayAreListedAndFoundById() throws Exception {
        SimulatedDataWorks dataWorks = new SimulatedDataWorks(ScenarioLoader.parse(THREE_DAYS, "three-days"));
        long end = RUN_DAY + 3 * DAY;
        Map<String, String> query = new HashMap<>(Map.of("BeginTime", topicTime(RUN_DAY), "EndTime", topicTime(end),
                "PageNumber", "1", "PageSize", "100"));

        var page = (dev.baselinewatch.dataworks.model.TopicPage) dataWorks.answer("ListTopics", query, end);
        // dwd_orders runs past twice its history every day: one SLOW event a day, each on its own node instance.
        assertThat(page.topics()).extracting(Topic::instanceId).containsExactly(100_202_001L, 100_202_002L, 100_202_003L);
        assertThat(page.topics()).allMatch(t -> t.topicType().equals("SLOW") && t.topicStatus().equals("RECOVER"));

        Topic third = (Topic) dataWorks.answer("GetTopic", Map.of("TopicId", Long.toString(100_202_003L * 10 + 2)), end);
        assertThat(third.addTime()).isEqualTo(RUN_DAY + 2 * DAY + Duration.ofMinutes(90 + 90).toMillis());
        assertThatThrownBy(() -> dataWorks.answer("GetTopic", Map.of("TopicId", Long.toString(100_202_004L * 10 + 2)), end))
                .isInstanceOfSatisfying(SimulatorError.class, e -> assertThat(e.code).isEqualTo("Invalid.Wkbench.TopicNotExist"));
    }

    @Test
    void aFaultOfOneRunDayStrikesOnlyThatDay() {
        Scenario scenario = ScenarioLoader.parse(THREE_DAYS + """
                faults:
                  - { kind: THROTTLE, day: 2, from: "03:00", until: "04:00" }
                  - { kind: INTERNAL_ERROR, everyDay: true, from: "23:00", until: "25:00" }
                """, "faults");
        Fault throttle = scenario.faults().get(0);
        Fault nightly = scenario.faults().get(1);
        long at0330 = RUN_DAY + Duration.ofMinutes(210).toMillis();
        assertThat(throttle.strikes("GetBaselineStatus", 1001L, at0330)).isFalse();
        assertThat(throttle.strikes("GetBaselineStatus", 1001L, at0330 + DAY)).isTrue();
        assertThat(throttle.strikes("GetBaselineStatus", 1001L, at0330 + 2 * DAY)).isFalse();
        long midnight = RUN_DAY + DAY;
        assertThat(nightly.strikes("GetBaselineStatus", 1001L, midnight)).isTrue();
        assertThat(nightly.strikes("GetBaselineStatus", 1001L, midnight + 2 * DAY)).as("the last run day's 24:00, inside 23:00..25:00").isTrue();
        assertThat(nightly.strikes("GetBaselineStatus", 1001L, midnight + 3 * DAY)).as("a day after the last run day").isFalse();
        assertThat(nightly.strikes("GetBaselineStatus", 1001L, midnight + DAY / 2)).isFalse();
    }

    private static BaselineStatus status(SimulatedDataWorks dataWorks, long baselineId, LocalDate bizdate, long now) throws Exception {
        return (BaselineStatus) dataWorks.answer("GetBaselineStatus", Map.of("BaselineId", Long.toString(baselineId),
                "Bizdate", Bizdates.toRequestParameter(bizdate, ZONE), "InGroupId", "1"), now);
    }

    private static BaselineStatusPage list(SimulatedDataWorks dataWorks, LocalDate bizdate, int page, long now) throws Exception {
        return (BaselineStatusPage) dataWorks.answer("ListBaselineStatuses", Map.of("Bizdate", Bizdates.toRequestParameter(bizdate, ZONE),
                "PageNumber", Integer.toString(page), "PageSize", "100"), now);
    }

    private static String topicTime(long epochMillis) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx")
                .format(java.time.Instant.ofEpochMilli(epochMillis).atZone(ZONE));
    }

    private static DataWorksHttpClient client(DataWorksSimulator simulator) {
        return SimulatorClients.client(simulator);
    }
}
