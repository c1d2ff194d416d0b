package dev.baselinewatch.source.enumerator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.source.WatchedBaseline;
import dev.baselinewatch.source.split.BaselineSplit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.junit.jupiter.api.Test;

class BaselineSplitEnumeratorTest {

    private static final List<WatchedBaseline> WATCHED = List.of(
            new WatchedBaseline(30, new int[] {1}),
            new WatchedBaseline(10, new int[] {1}),
            new WatchedBaseline(20, new int[] {1, 2}));

    @Test
    void assignsEachBaselineToExactlyOneReaderEvenly() throws Exception {
        try (MockSplitEnumeratorContext<BaselineSplit> context = new MockSplitEnumeratorContext<>(2)) {
            BaselineSplitEnumerator enumerator = new BaselineSplitEnumerator(context, WATCHED, null);
            enumerator.start();
            register(context, enumerator, 0);
            register(context, enumerator, 1);

            Map<Integer, Set<Long>> owned = owned(context);
            assertThat(owned.get(0)).containsExactlyInAnyOrder(10L, 30L);
            assertThat(owned.get(1)).containsExactly(20L);
            assertThat(enumerator.snapshotState(1).unassigned()).isEmpty();
            assertThat(enumerator.snapshotState(1).assignedBaselineIds()).containsExactlyInAnyOrder(10L, 20L, 30L);
        }
    }

    @Test
    void splitsGivenBackAfterAFailureAreReassignedWithTheirState() throws Exception {
        try (MockSplitEnumeratorContext<BaselineSplit> context = new MockSplitEnumeratorContext<>(1)) {
            BaselineSplitEnumerator enumerator = new BaselineSplitEnumerator(context, WATCHED, null);
            register(context, enumerator, 0);
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
    void restoredEnumeratorAddsOnlyBaselinesNewToTheConfig() throws Exception {
        try (MockSplitEnumeratorContext<BaselineSplit> context = new MockSplitEnumeratorContext<>(1)) {
            BaselineEnumState restored = new BaselineEnumState(Set.of(10L, 30L), List.of());
            BaselineSplitEnumerator enumerator = new BaselineSplitEnumerator(context, WATCHED, restored);
            register(context, enumerator, 0);
            assertThat(owned(context).get(0)).containsExactly(20L);
        }
    }

    @Test
    void enumStateSerializerRoundTrips() throws Exception {
        BaselineEnumState state = new BaselineEnumState(Set.of(1L, 2L), List.of(BaselineSplit.fresh(3, new int[] {1, 5})));
        BaselineEnumStateSerializer serializer = new BaselineEnumStateSerializer();
        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(state))).isEqualTo(state);
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
}
