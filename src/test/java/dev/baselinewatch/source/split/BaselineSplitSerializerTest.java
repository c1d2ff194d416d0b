package dev.baselinewatch.source.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baselinewatch.event.InstanceKey;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BaselineSplitSerializerTest {

    private final BaselineSplitSerializer serializer = BaselineSplitSerializer.INSTANCE;

    static BaselineSplit sampleSplit() {
        InstanceKey today = new InstanceKey(7, LocalDate.of(2026, 12, 2), 3);
        InstanceKey yesterday = new InstanceKey(7, LocalDate.of(2026, 12, 1), 3);
        BaselineProfile profile = new BaselineProfile("orders", 10L, "200001", 8, true, 20, Map.of(3, 238, 4, 1618));
        return new BaselineSplit(7, new int[] {3, 4}, profile, Map.of(
                today, new InstanceSnapshot(123L, Map.of(11L, 5L, 12L, -9L), Map.of(900L, 77L), false, true, false),
                yesterday, new InstanceSnapshot(-1L, Map.of(), Map.of(), true, false, true)));
    }

    @Test
    void roundTripsEveryField() throws IOException {
        BaselineSplit split = sampleSplit();
        BaselineSplit back = serializer.deserialize(serializer.getVersion(), serializer.serialize(split));
        assertThat(back).isEqualTo(split);
        assertThat(back.splitId()).isEqualTo("baseline-7");
        assertThat(back.inGroupIds()).containsExactly(3, 4);
    }

    @Test
    void unknownVersionFailsNamingBothVersions() {
        assertThatThrownBy(() -> serializer.deserialize(99, serializer.serialize(sampleSplit())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("99")
                .hasMessageContaining("reads 1..2");
    }

    @Test
    void trailingBytesFail() throws IOException {
        byte[] bytes = serializer.serialize(sampleSplit());
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
        assertThatThrownBy(() -> serializer.deserialize(2, longer)).hasMessageContaining("trailing bytes");
    }

    @Test
    void readsTheFirstVersionWithAnUnknownProfile() throws IOException {
        // Version 1 as the first release wrote it: no profile, no blind/absent flags.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeLong(7);
            out.writeInt(1);
            out.writeInt(3);
            out.writeInt(1);
            out.writeLong(LocalDate.of(2026, 12, 2).toEpochDay());
            out.writeInt(3);
            out.writeLong(123L);
            out.writeBoolean(false);
            out.writeInt(1);
            out.writeLong(11L);
            out.writeLong(5L);
            out.writeInt(1);
            out.writeLong(900L);
        }
        BaselineSplit v1 = serializer.deserialize(1, bytes.toByteArray());
        assertThat(v1.profile()).isEqualTo(BaselineProfile.UNKNOWN);
        assertThat(v1.instances()).containsExactly(Map.entry(new InstanceKey(7, LocalDate.of(2026, 12, 2), 3),
                new InstanceSnapshot(123L, Map.of(11L, 5L), Map.of(900L, Fingerprints.of(new dev.baselinewatch.event.TopicInfo())),
                        false, false, false)));
    }

    @Test
    void stateRoundTripKeepsWhatWasEmittedAndForgetsRetiredInstances() {
        BaselineSplitState state = new BaselineSplitState(sampleSplit());
        InstanceKey today = new InstanceKey(7, LocalDate.of(2026, 12, 2), 3);
        state.retainOnly(java.util.List.of(today));
        assertThat(state.toSplit().instances()).containsOnlyKeys(today);
    }
}
