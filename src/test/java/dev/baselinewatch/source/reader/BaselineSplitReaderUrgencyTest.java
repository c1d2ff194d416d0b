package dev.baselinewatch.source.reader;

import dev.baselinewatch.testing.SimulatorClients;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.dataworks.DataWorksHttpClient;
import dev.baselinewatch.event.BaselineEvent;
import dev.baselinewatch.event.EventType;
import dev.baselinewatch.simulator.DataWorksSimulator;
import dev.baselinewatch.simulator.ScenarioLoader;
import dev.baselinewatch.source.PollingOptions;
import dev.baselinewatch.source.split.BaselineProfile;
import dev.baselinewatch.source.split.BaselineSplit;
import dev.baselinewatch.testing.SplitReaderDriver;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the reader asks, how often and what it says when it cannot see, against the simulator over signed HTTP. */
class BaselineSplitReaderUrgencyTest {

    private static final ZoneOffset ZONE = ZoneOffset.ofHours(8);
    private static final PollingOptions OPTIONS = PollingOptions.every(Duration.ofMillis(50))
            .withUrgency(Duration.ofMillis(1000), Duration.ofHours(2), Duration.ofMillis(400));

    private DataWorksSimulator simulator;
    private BaselineSplitReader reader;

    @AfterEach
    void stop() throws Exception {
        if (reader != null) {
            reader.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void everyHourlyCycleIsWatchedAndACycleCommittedAfterMidnightIsDueTheNextDay() throws Exception {
        // Two run days, the clock on the second: both live business dates have their 24 instances.
        start("""
                clock: { runDay: 2026-12-02, days: 2, start: "27:00", speed: 1 }
                """ + HOURLY_ORDERS);
        add(hourlyOrdersSplit());

        List<BaselineEvent> events = fetchFor(Duration.ofMillis(1500));

        LocalDate bizdate = LocalDate.of(2026, 12, 2);
        long cycle24Due = ZonedDateTime.of(2026, 12, 4, 2, 58, 0, 0, ZONE).toInstant().toEpochMilli();
        assertThat(events).filteredOn(e -> e.type == EventType.STATUS && e.bizdate.equals(bizdate.toString())).extracting(e -> e.inGroupId)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 24).boxed().toList());
        assertThat(events).filteredOn(e -> e.type == EventType.STATUS).hasSize(48);
        assertThat(events).filteredOn(e -> e.type == EventType.STATUS && e.inGroupId == 24 && e.bizdate.equals(bizdate.toString())).singleElement()
                .satisfies(e -> assertThat(e.status.slaTime).isEqualTo(cycle24Due));
        // One listing per business date covers all 48 instances: far fewer calls than one each.
        assertThat(simulator.calls().calls("GetBaselineStatus")).isLessThanOrEqualTo(1);
        assertThat(simulator.calls().calls("ListBaselineStatuses")).isPositive();
    }

    @Test
    void anInstanceDataWorksDoesNotHaveIsReportedOnceWithWhenItWasDue() throws Exception {
        // DataWorks has cycles 1..23 of this hourly baseline; its configuration (the profile) says 24. The day before
        // the scenario has no instances at all: watched, but not reported (a new baseline has no yesterday).
        start("""
                clock: { runDay: 2026-12-03, start: "03:00", speed: 1 }
                baselines:
                  - { id: 9, name: hourly_orders, cycles: 23, committedTime: "03:58", alertMargin: 20m,
                      nodes: [ { name: h, plannedStart: "02:00", expectedDuration: 10m } ] }
                """);
        BaselineProfile profile = new BaselineProfile("hourly_orders", 1L, "0", 5, true, 20,
                Map.of(1, 3 * 60 + 58, 24, 26 * 60 + 58));
        add(BaselineSplit.fresh(9, new int[] {1, 24}, profile));

        List<BaselineEvent> events = fetchFor(Duration.ofMillis(1500));

        long cycle24Due = ZonedDateTime.of(2026, 12, 4, 2, 58, 0, 0, ZONE).toInstant().toEpochMilli();
        assertThat(events).filteredOn(e -> e.type == EventType.ABSENT).singleElement().satisfies(e -> {
            assertThat(e.bizdate).isEqualTo("2026-12-02");
            assertThat(e.inGroupId).isEqualTo(24);
            assertThat(e.absent.expectedCommittedAt).isEqualTo(cycle24Due);
            assertThat(e.absent.expectedAlertAt).isEqualTo(cycle24Due - Duration.ofMinutes(20).toMillis());
            assertThat(e.baselineInfo.type).isEqualTo("HOURLY");
            assertThat(e.baselineInfo.name).isEqualTo("hourly_orders");
        });
        // Today's, missing from the full listing, is confirmed once (no permission looks alike there), then not asked
        // again; yesterday's are not reported, so not worth a call.
        assertThat(simulator.calls().answers("Invalid.Wkbench.BaselineStatusNotExist")).isEqualTo(1);
    }

    @Test
    void anInstanceFarFromItsAlertTimeIsPolledFarLessOftenThanOneInTrouble() throws Exception {
        // 300 other baselines share the business date: a listing takes 3 pages, so two watched instances are asked one by one.
        start("""
                clock: { runDay: 2026-12-03, start: "03:00", speed: 1 }
                baselines:
                  - { id: 1, name: in_trouble, committedTime: "04:00", nodes: [ { plannedStart: "02:00", expectedDuration: 3h } ] }
                  - { id: 2, name: far_away, committedTime: "20:00", nodes: [ { plannedStart: "14:00", expectedDuration: 1h } ] }
                generate:
                  - { count: 300, firstId: 1000, committedWindow: ["06:00", "10:00"] }
                """);
        add(BaselineSplit.fresh(1, new int[] {1}), BaselineSplit.fresh(2, new int[] {1}));

        fetchFor(Duration.ofMillis(2500));

        long troubled = statusCallsOf(1);
        long far = statusCallsOf(2);
        // Every round (50 ms), not every other one: the next poll counts from the round's start, not the call's.
        assertThat(troubled).as("rounds in 2.5 s: 50").isGreaterThan(35);
        assertThat(far).as("a first look, then once a second (farPollInterval)").isBetween(1L, 4L);
        assertThat(simulator.calls().log()).filteredOn(c -> c.action().equals("GetBaselineKeyPath"))
                .as("only the one in trouble has its key path read").isNotEmpty().allMatch(c -> c.baselineId() == 1);
    }

    @Test
    void aListingCoversEveryInstanceOfItsDateSoInstancesNotDueYetAreSeenForFree() throws Exception {
        start("""
                clock: { runDay: 2026-12-03, start: "03:00", speed: 1 }
                baselines:
                  - { id: 1, name: in_trouble, committedTime: "04:00", nodes: [ { plannedStart: "02:00", expectedDuration: 3h } ] }
                  - { id: 2, name: far_away, committedTime: "20:00", nodes: [ { plannedStart: "14:00", expectedDuration: 1h } ] }
                """);
        add(BaselineSplit.fresh(1, new int[] {1}), BaselineSplit.fresh(2, new int[] {1}));

        List<BaselineEvent> events = fetchFor(Duration.ofMillis(1000));

        assertThat(events).filteredOn(e -> e.type == EventType.STATUS).extracting(e -> e.baselineId).contains(1L, 2L);
        assertThat(simulator.calls().log()).filteredOn(c -> c.action().equals("GetBaselineStatus") && c.outcome().equals("OK"))
                .as("statuses come from the listing, one page a round; one call learnt the clock").hasSizeLessThanOrEqualTo(1);
        assertThat(simulator.calls().calls("ListBaselineStatuses")).isGreaterThan(5);
    }

    @Test
    void aBusinessDateTooBigForOneListingIsListedByPriorityNotAskedOneByOne() throws Exception {
        // 150 hourly baselines: 3,600 instances of one business date, more than a listing shows (30 pages of 100).
        start("""
                clock: { runDay: 2026-12-03, start: "03:00", speed: 1 }
                generate:
                  - { count: 75, firstId: 1000, cycles: 24, priorities: { 1: 1.0 }, committedWindow: ["01:00", "01:40"],
                      keyPathLength: [1, 2], nodeDuration: [3m, 10m], alertMargin: 15m, slack: [3m, 10m] }
                  - { count: 75, firstId: 2000, cycles: 24, priorities: { 8: 1.0 }, committedWindow: ["01:00", "01:40"],
                      keyPathLength: [1, 2], nodeDuration: [3m, 10m], alertMargin: 15m, slack: [3m, 10m] }
                """);
        int[] cycles = IntStream.rangeClosed(1, 24).toArray();
        List<BaselineSplit> splits = new ArrayList<>();
        for (int i = 0; i < 75; i++) {
            splits.add(BaselineSplit.fresh(1000 + i, cycles, new BaselineProfile("low_" + i, 1L, "0", 1, true, 20, Map.of())));
            splits.add(BaselineSplit.fresh(2000 + i, cycles, new BaselineProfile("high_" + i, 1L, "0", 8, true, 20, Map.of())));
        }
        add(splits.toArray(BaselineSplit[]::new));

        List<BaselineEvent> events = fetchFor(Duration.ofMillis(2500));

        assertThat(events).filteredOn(e -> e.type == EventType.STATUS && e.bizdate.equals("2026-12-02"))
                .extracting(e -> e.baselineId + "/" + e.inGroupId).doesNotHaveDuplicates().hasSize(3600);
        // Two slices of 1,800 rows, 18 pages each; not 3,600 single calls.
        assertThat(simulator.calls().calls("GetBaselineStatus")).as("single status calls").isLessThanOrEqualTo(2);
        assertThat(simulator.calls().calls("ListBaselineStatuses")).isGreaterThanOrEqualTo(36);
    }

    @Test
    void businessDatesThatRolledOutAreForgottenSoTheReadersMemoryStaysFlat() throws Exception {
        // Three run days, one every three seconds: business date 2026-12-01 is watched, then rolls out. Hourly
        // cycles keep the reader asking, so its estimate of DataWorks time keeps up with the fast clock.
        start("""
                clock: { runDay: 2026-12-02, days: 3, start: "00:00", speed: 28800 }
                """ + HOURLY_ORDERS);
        add(hourlyOrdersSplit());

        List<BaselineEvent> events = fetchFor(Duration.ofMillis(7500));

        // Run day 2026-12-04 has begun: business dates 2026-12-02 and 2026-12-03 are live, 2026-12-01 rolled out.
        assertThat(simulator.clock().now()).isAfter(java.time.Instant.parse("2026-12-03T16:30:00Z"));
        assertThat(events).filteredOn(e -> e.type == EventType.STATUS).extracting(e -> e.bizdate).contains("2026-12-01", "2026-12-02");
        assertThat(reader.instancesHeld()).as("instances the reader remembers").extracting(key -> key.bizdate().toString())
                .isNotEmpty().doesNotContain("2026-12-01");
    }

    @Test
    void anInstanceThatCannotBePolledBecomesABlindSpotAndIsTakenBackWhenSeenAgain() throws Exception {
        // Throttled for the first DataWorks minute (two wall seconds), then served normally.
        start("""
                clock: { runDay: 2026-12-03, start: "03:00", speed: 30 }
                baselines:
                  - { id: 1, name: orders, committedTime: "04:00", nodes: [ { plannedStart: "02:00", expectedDuration: 3h } ] }
                faults:
                  - { kind: THROTTLE, from: "03:00", until: "03:01", rateLimitHeader: true, timeLeft: 1s }
                """);
        add(BaselineSplit.fresh(1, new int[] {1}));

        List<BaselineEvent> events = fetchFor(Duration.ofSeconds(4));

        List<BaselineEvent> health = events.stream().filter(e -> e.type == EventType.POLL_HEALTH && e.bizdate.equals("2026-12-02")).toList();
        assertThat(health).extracting(e -> e.health.blind).containsExactly(true, false);
        assertThat(health.get(0).health.reason).isEqualTo("THROTTLED");
        assertThat(health.get(0).health.allowedMillis).isEqualTo(400);
        assertThat(events.indexOf(health.get(1))).as("seen again with its status").isGreaterThan(events.indexOf(health.get(0)));
        assertThat(simulator.calls().answers("Throttling.User")).isPositive();
    }

    @Test
    void aDataWorksEventIsFollowedUntilItRecoversAndANodeRunningLongIsLookedAtBeforeTheBaselineIsInDanger() throws Exception {
        // The node fails at 02:10 (an ERROR event), is rerun at 02:40 and succeeds at 03:10 (the event recovers); the
        // baseline finishes at 03:40. Fifteen DataWorks minutes a wall second. The baseline is never in danger: only its
        // slipping forecast shows the trouble.
        start("""
                clock: { runDay: 2026-12-03, start: "02:00", speed: 900 }
                baselines:
                  - { id: 4, name: features, committedTime: "05:00", alertMargin: 30m, nodes: [
                      { name: dwd_features, plannedStart: "02:00", expectedDuration: 30m, actualDuration: 10m,
                        outcome: FAILURE, rerunAfter: 30m, rerunDuration: 30m },
                      { name: ads_features, expectedDuration: 30m } ] }
                """);
        add(BaselineSplit.fresh(4, new int[] {1}));

        List<BaselineEvent> events = fetchFor(Duration.ofSeconds(9));

        List<BaselineEvent> topics = events.stream().filter(e -> e.type == EventType.TOPIC).toList();
        assertThat(topics).isNotEmpty().allMatch(e -> e.topic.topicName.equals("dwd_features出错"));
        assertThat(topics.get(0).topic.status).as("first seen on the key path").isNull();
        assertThat(topics).extracting(e -> e.topic.status).containsSubsequence(null, "NEW", "RECOVER").last().isEqualTo("RECOVER");
        assertThat(topics).filteredOn(e -> e.topic.status != null).allMatch(e -> "ERROR".equals(e.topic.type));
        assertThat(events).filteredOn(e -> e.type == EventType.STATUS).allMatch(e -> e.status.status.equals("SAFE"));
        assertThat(events).anyMatch(e -> e.type == EventType.RUN && "FAILURE".equals(e.run.runStatus));
    }

    private long statusCallsOf(long baselineId) {
        return simulator.calls().log().stream()
                .filter(c -> c.action().equals("GetBaselineStatus") && c.baselineId() != null && c.baselineId() == baselineId)
                .count();
    }

    /** An hourly baseline of 24 cycles, the first committed 03:58, the last 02:58 the next day. */
    private static final String HOURLY_ORDERS = """
            baselines:
              - { id: 9, name: hourly_orders, cycles: 24, committedTime: "03:58", alertMargin: 20m,
                  nodes: [ { name: h, plannedStart: "02:00", expectedDuration: 10m } ] }
            """;

    private static BaselineSplit hourlyOrdersSplit() {
        return BaselineSplit.fresh(9, IntStream.rangeClosed(1, 24).toArray(),
                new BaselineProfile("hourly_orders", 1L, "0", 5, true, 20, Map.of(1, 3 * 60 + 58, 24, 26 * 60 + 58)));
    }

    private void start(String scenario) throws Exception {
        simulator = DataWorksSimulator.start(ScenarioLoader.parse(scenario, "urgency"), 0);
        DataWorksHttpClient client = SimulatorClients.client(simulator.endpoint(), Duration.ofSeconds(2));
        reader = new BaselineSplitReader(client, ZONE, OPTIONS, UnregisteredMetricsGroup.createSourceReaderMetricGroup(), 1);
    }

    private void add(BaselineSplit... splits) {
        reader.handleSplitsChanges(new SplitsAddition<>(List.of(splits)));
    }

    private List<BaselineEvent> fetchFor(Duration duration) throws Exception {
        List<BaselineEvent> events = new ArrayList<>();
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            events.addAll(SplitReaderDriver.fetchOnce(reader));
        }
        return events;
    }
}
