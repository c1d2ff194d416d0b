package dev.baselinewatch.source.enumerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.dataworks.ErrorClass;
import dev.baselinewatch.dataworks.model.BaselineConfig;
import dev.baselinewatch.source.CallBudget;
import dev.baselinewatch.source.DiscoveryRule;
import dev.baselinewatch.source.WatchSpec;
import dev.baselinewatch.source.WatchedBaseline;
import dev.baselinewatch.source.coordination.BaselineReconfigured;
import dev.baselinewatch.source.coordination.BaselineRetired;
import dev.baselinewatch.source.coordination.CallsPaused;
import dev.baselinewatch.source.coordination.LeaseGrant;
import dev.baselinewatch.source.coordination.LeaseRequest;
import dev.baselinewatch.source.coordination.ReaderSplitsReport;
import dev.baselinewatch.source.split.BaselineSplit;
import dev.baselinewatch.testing.FakeDataWorksApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.junit.jupiter.api.Test;

class BaselineSplitEnumeratorTest {

    /** Short, so each test can run a second discovery pass right away. */
    private static final Duration REFRESH = Duration.ofMillis(1);
    private static final CallBudget UNCAPPED = new CallBudget(1000, 0);

    private final FakeDataWorksApi api = new FakeDataWorksApi();

    @Test
    void assignsEachBaselineToExactlyOneReaderBalancedByTheInstancesToPoll() throws Throwable {
        api.config(hourly(40, 10, 24));
        WatchSpec spec = named(new WatchedBaseline(30, new int[] {1}), new WatchedBaseline(10, new int[] {1}),
                new WatchedBaseline(20, new int[] {1, 2}), WatchedBaseline.allCycles(40));
        try (MockSplitEnumeratorContext<BaselineSplit> context = new MockSplitEnumeratorContext<>(2)) {
            BaselineSplitEnumerator enumerator = start(context, spec, UNCAPPED, null);
            register(context, enumerator, 0);
            register(context, enumerator, 1);
            discover(context);

            assertThat(context.getSplitsAssignmentSequence()).as("one assignment: each reader starts with all of its baselines").hasSize(1);
            Map<Integer, Set<Long>> owned = owned(context);
            // The hourly baseline's 24 cycles weigh as much as the three others together.
            assertThat(owned.values()).containsExactlyInAnyOrder(Set.of(40L), Set.of(10L, 20L, 30L));
            assertThat(split(context, 40).inGroupIds()).isEqualTo(IntStream.rangeClosed(1, 24).toArray());
            assertThat(split(context, 40).profile().hourly()).isTrue();
            assertThat(enumerator.snapshotState(1).unassigned()).isEmpty();
            assertThat(enumerator.snapshotState(1).assignedBaselineIds()).containsExactlyInAnyOrder(10L, 20L, 30L, 40L);
        }
    }

    @Test
    void waitsForEveryReaderBeforeAssigning() throws Throwable {
        try (MockSplitEnumeratorContext<BaselineSplit> context = new MockSplitEnumeratorContext<>(2)) {
            BaselineSplitEnumerator enumerator = start(context, named(new WatchedBaseline(1, new int[] {1}),
                    new WatchedBaseline(2, new int[] {1})), UNCAPPED, null);
            register(context, enumerator, 0);
            discover(context);
            assertThat(context.getSplitsAssignmentSequence()).as("one reader of two registered").isEmpty();
            register(context, enumerator, 1);
            assertThat(owned(context)).containsOnly(Map.entry(0, Set.of(1L)), Map.entry(1, Set.of(2L)));
        }
    }

    @Test
    void splitsGivenBackAfterAFailureAreReassignedWithTheirState() throws Throwable {
        try (MockSplitEnumeratorContext<BaselineSplit> context = new MockSplitEnumeratorContext<>(1)) {
            BaselineSplitEnumerator enumerator = start(context, named(new WatchedBaseline(10, new int[] {1})), UNCAPPED, null);
            register(context, enumerator, 0);
            discover(context);
            BaselineSplit returned = context.getSplitsAssignmentSequence().get(0).assignment().get(0).get(0);

            context.getSplitsAssignmentSequence().clear();
            context.unregisterReader(0);
            enumerator.addSplitsBack(List.of(returned), 0);
            assertThat(enumerator.snapshotState(2).unassigned()).containsExactly(returned);

            register(context, enumerator, 0);
            assertThat(context.getSplitsAssignmentSequence().get(0).assignment().get(0)).containsExactly(returned);
        }
    }

    @Test
    void afterARestoreAtAnotherParallelismNewBaselinesGoWhereThereIsRoomAndRemovedOnesAreRetired() throws Throwable {
        // Checkpointed at parallelism 2 with 10, 20, 30, 99 assigned; restored at 3, where Flink gave 10 to reader 0 and
        // 20, 30, 99 to reader 1 by itself. The config now names 10, 20, 30 and a new 40; 99 is gone from it.
        BaselineEnumState restored = new BaselineEnumState(Set.of(10L, 20L, 30L, 99L), List.of());
        WatchSpec spec = named(new WatchedBaseline(10, new int[] {1}), new WatchedBaseline(20, new int[] {1}),
                new WatchedBaseline(30, new int[] {1}), new WatchedBaseline(40, new int[] {1}));
        try (MockSplitEnumeratorContext<BaselineSplit> context = new MockSplitEnumeratorContext<>(3)) {
            BaselineSplitEnumerator enumerator = start(context, spec, UNCAPPED, restored);
            for (int reader = 0; reader < 3; reader++) {
                register(context, enumerator, reader);
            }
            enumerator.handleSourceEvent(0, new ReaderSplitsReport(Set.of(10L)));
            enumerator.handleSourceEvent(1, new ReaderSplitsReport(Set.of(20L, 30L, 99L)));
            enumerator.handleSourceEvent(2, new ReaderSplitsReport(Set.of()));
            discover(context);

            assertThat(owned(context)).as("only the new baseline is assigned, to the reader with nothing")
                    .containsOnly(Map.entry(2, Set.of(40L)));
            assertThat(sent(context, 1)).contains(new BaselineRetired(99));
            assertThat(enumerator.snapshotState(3).assignedBaselineIds()).containsExactlyInAnyOrder(10L, 20L, 30L, 40L);
        }
    }

    @Test
    void discoveryFindsBaselinesByRuleAndFollowsAdditionsAndRemovals() throws Throwable {
        api.config(daily(1, 10, 8, "200001"));
        api.config(daily(2, 10, 3, "200001"));
        api.config(daily(3, 11, 8, "200001"));
        WatchSpec spec = new WatchSpec(List.of(), List.of(new DiscoveryRule(10, List.of(7, 8), null, List.of())), REFRESH);
        try (MockSplitEnumeratorContext<BaselineSplit> context = new MockSplitEnumeratorContext<>(1)) {
            BaselineSplitEnumerator enumerator = start(context, spec, UNCAPPED, null);
            register(context, enumerator, 0);
            discover(context);
            assertThat(owned(context).get(0)).as("project 10, priority 7 or 8").containsExactly(1L);
            assertThat(split(context, 1).profile().name()).isEqualTo("baseline_1");
            enumerator.handleSourceEvent(0, new ReaderSplitsReport(Set.of(1L)));

            api.config(daily(4, 10, 7, "200002"));
            discover(context);
            assertThat(owned(context).get(0)).containsExactlyInAnyOrder(1L, 4L);

            api.removeConfig(1);
            discover(context);
            assertThat(sent(context, 0)).containsExactly(new BaselineRetired(1));
            assertThat(enumerator.snapshotState(4).assignedBaselineIds()).containsExactly(4L);
        }
    }

    @Test
    void aChangedConfigurationReachesTheReaderThatWatchesTheBaseline() throws Throwable {
        api.config(daily(7, 10, 5, "200001"));
        try (MockSplitEnumeratorContext<BaselineSplit> context = new MockSplitEnumeratorContext<>(1)) {
            BaselineSplitEnumerator enumerator = start(context, named(WatchedBaseline.allCycles(7)), UNCAPPED, null);
            register(context, enumerator, 0);
            discover(context);
            enumerator.handleSourceEvent(0, new ReaderSplitsReport(Set.of(7L)));
            discover(context);
            assertThat(sent(context, 0)).as("nothing changed").isEmpty();

            api.config(daily(7, 10, 8, "200009"));
            discover(context);
            assertThat(sent(context, 0)).singleElement().isInstanceOfSatisfying(BaselineReconfigured.class, change -> {
                assertThat(change.profile().priority()).isEqualTo(8);
                assertThat(change.profile().owner()).isEqualTo("200009");
            });
        }
    }

    @Test
    void aBaselineWhoseConfigurationCannotBeReadIsWatchedAnyway() throws Throwable {
        api.failBaseline(5, new DataWorksException(ErrorClass.PER_BASELINE, 500, "Forbidden.Wkbench.BaselineNoPermission", "no", "r"));
        try (MockSplitEnumeratorContext<BaselineSplit> context = new MockSplitEnumeratorContext<>(1)) {
            BaselineSplitEnumerator enumerator = start(context, named(WatchedBaseline.allCycles(5)), UNCAPPED, null);
            register(context, enumerator, 0);
            discover(context);
            assertThat(split(context, 5).inGroupIds()).containsExactly(1);
            assertThat(split(context, 5).profile().known()).isFalse();
        }
    }

    @Test
    void anEditionWithoutApiAccessFailsTheJobWithoutRestarts() throws Throwable {
        api.failBaseline(5, new DataWorksException(ErrorClass.FATAL, 403, "Forbidden.Access", "no API access", "r"));
        try (MockSplitEnumeratorContext<BaselineSplit> context = new MockSplitEnumeratorContext<>(1)) {
            start(context, named(WatchedBaseline.allCycles(5)), UNCAPPED, null);
            assertThatThrownBy(() -> discover(context))
                    .hasStackTraceContaining("SuppressRestartsException")
                    .hasStackTraceContaining("Forbidden.Access")
                    .hasStackTraceContaining("fix the configuration or account");
        }
    }

    @Test
    void readersLeaseOneDailyBudgetThatSurvivesARestore() throws Throwable {
        CallBudget budget = new CallBudget(100, 30);
        long day = 20_000;
        try (MockSplitEnumeratorContext<BaselineSplit> context = new MockSplitEnumeratorContext<>(2)) {
            BaselineSplitEnumerator enumerator = start(context, named(new WatchedBaseline(1, new int[] {1})), budget, null);
            enumerator.handleSourceEvent(0, new LeaseRequest(day, 8));
            discover(context);
            for (int i = 0; i < 3; i++) {
                enumerator.handleSourceEvent(0, new LeaseRequest(day, 8));
                enumerator.handleSourceEvent(1, new LeaseRequest(day, 4));
            }
            assertThat(grants(context)).as("the readers' leases and the enumerator's own GetBaseline call: 30 in all").isEqualTo(29);

            BaselineEnumState checkpoint = enumerator.snapshotState(1);
            try (MockSplitEnumeratorContext<BaselineSplit> after = new MockSplitEnumeratorContext<>(3)) {
                BaselineSplitEnumerator restored = new BaselineSplitEnumerator(after, named(new WatchedBaseline(1, new int[] {1})),
                        budget, () -> api, checkpoint);
                restored.handleSourceEvent(2, new LeaseRequest(day, 8));
                assertThat(grants(after)).as("nothing is left today after the restore").isZero();
                restored.handleSourceEvent(2, new LeaseRequest(day + 1, 8));
                assertThat(grants(after)).as("a new day").isEqualTo(8);
            }
        }
    }

    @Test
    void theEnumeratorsOwnCallsHoldTheReadersBackSoTheJobKeepsToOneRate() throws Throwable {
        api.config(daily(7, 10, 5, "200001"));
        try (MockSplitEnumeratorContext<BaselineSplit> context = new MockSplitEnumeratorContext<>(2)) {
            BaselineSplitEnumerator enumerator = start(context, named(WatchedBaseline.allCycles(7), WatchedBaseline.allCycles(8)), UNCAPPED, null);
            register(context, enumerator, 0);
            register(context, enumerator, 1);
            long before = System.currentTimeMillis();
            discover(context);
            for (int reader = 0; reader < 2; reader++) {
                assertThat(context.getSentSourceEvent().get(reader)).as("a hold before each of the two GetBaseline calls")
                        .filteredOn(CallsPaused.class::isInstance).hasSize(2)
                        .allSatisfy(e -> assertThat(((CallsPaused) e).untilEpochMillis()).isGreaterThan(before));
            }
        }
    }

    @Test
    void throttlingOfOneReaderPausesEveryOtherReader() throws Throwable {
        try (MockSplitEnumeratorContext<BaselineSplit> context = new MockSplitEnumeratorContext<>(3)) {
            BaselineSplitEnumerator enumerator = start(context, named(new WatchedBaseline(1, new int[] {1})), UNCAPPED, null);
            for (int reader = 0; reader < 3; reader++) {
                register(context, enumerator, reader);
            }
            CallsPaused pause = new CallsPaused(System.currentTimeMillis() + 2000, "THROTTLED");
            enumerator.handleSourceEvent(1, pause);
            assertThat(sent(context, 0)).containsExactly(pause);
            assertThat(sent(context, 2)).containsExactly(pause);
            assertThat(sent(context, 1)).isEmpty();
        }
    }

    @Test
    void enumStateSerializerRoundTripsAndReadsTheFirstVersion() throws Exception {
        BaselineEnumState state = new BaselineEnumState(Set.of(1L, 2L), List.of(BaselineSplit.fresh(3, new int[] {1, 5})), 20_000, 17);
        BaselineEnumStateSerializer serializer = new BaselineEnumStateSerializer();
        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(state))).isEqualTo(state);

        java.io.ByteArrayOutputStream v1 = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(v1)) {
            out.writeInt(1);
            out.writeLong(1L);
            out.writeInt(0);
        }
        assertThat(serializer.deserialize(1, v1.toByteArray())).isEqualTo(new BaselineEnumState(Set.of(1L), List.of(), 0, 0));
        assertThatThrownBy(() -> serializer.deserialize(7, v1.toByteArray())).hasMessageContaining("7").hasMessageContaining("1..2");
    }

    private BaselineSplitEnumerator start(MockSplitEnumeratorContext<BaselineSplit> context, WatchSpec spec, CallBudget budget,
            BaselineEnumState restored) {
        BaselineSplitEnumerator enumerator = new BaselineSplitEnumerator(context, spec, budget, () -> api, restored);
        enumerator.start();
        return enumerator;
    }

    /** Runs one discovery pass (the enumerator's timer) and its result handler; waits out the short refresh first. */
    private static void discover(MockSplitEnumeratorContext<BaselineSplit> context) throws Throwable {
        Thread.sleep(5);
        context.runPeriodicCallable(0);
    }

    private static WatchSpec named(WatchedBaseline... baselines) {
        return new WatchSpec(List.of(baselines), List.of(), REFRESH);
    }

    private static BaselineConfig daily(long id, long projectId, int priority, String owner) {
        return new BaselineConfig(id, "baseline_" + id, projectId, "DAILY", priority, owner, true, true, 30,
                List.of(new BaselineConfig.OverTimeSetting(1, "06:00")));
    }

    private static BaselineConfig hourly(long id, long projectId, int cycles) {
        List<BaselineConfig.OverTimeSetting> settings = new ArrayList<>();
        for (int cycle = 1; cycle <= cycles; cycle++) {
            settings.add(new BaselineConfig.OverTimeSetting(cycle, String.format("%02d:58", cycle + 2)));
        }
        return new BaselineConfig(id, "hourly_" + id, projectId, "HOURLY", 5, "200001", true, true, 20, settings);
    }

    private static void register(MockSplitEnumeratorContext<BaselineSplit> context, BaselineSplitEnumerator enumerator, int id) {
        context.registerReader(new ReaderInfo(id, "localhost"));
        enumerator.addReader(id);
    }

    private static Map<Integer, Set<Long>> owned(MockSplitEnumeratorContext<BaselineSplit> context) {
        return context.getSplitsAssignmentSequence().stream()
                .flatMap(a -> a.assignment().entrySet().stream())
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.flatMapping(e -> e.getValue().stream().map(BaselineSplit::baselineId), Collectors.toSet())));
    }

    private static BaselineSplit split(MockSplitEnumeratorContext<BaselineSplit> context, long baselineId) {
        return context.getSplitsAssignmentSequence().stream()
                .flatMap(a -> a.assignment().values().stream())
                .flatMap(List::stream)
                .filter(s -> s.baselineId() == baselineId)
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    /** What a reader was told, leaving out the holds that give the enumerator's own calls their turn. */
    private static List<SourceEvent> sent(MockSplitEnumeratorContext<BaselineSplit> context, int reader) throws Exception {
        return context.getSentSourceEvent().getOrDefault(reader, List.of()).stream()
                .filter(e -> !(e instanceof CallsPaused paused && paused.reason().equals("CONFIGURATION_REFRESH")))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static int grants(MockSplitEnumeratorContext<BaselineSplit> context) throws Exception {
        return context.getSentSourceEvent().values().stream().flatMap(List::stream)
                .filter(LeaseGrant.class::isInstance).mapToInt(e -> ((LeaseGrant) e).calls()).sum();
    }
}
