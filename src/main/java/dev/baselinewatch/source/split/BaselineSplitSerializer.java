package dev.baselinewatch.source.split;

import dev.baselinewatch.event.InstanceKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Hand-written, versioned form of {@link BaselineSplit}; unknown versions and trailing bytes fail loudly.
 * Version 1 (the first release) had no baseline profile, no blind/absent flags and kept only the ids
 * of events; it still reads, with the profile unknown until the enumerator's next discovery
 * refreshes it.
 */
public final class BaselineSplitSerializer implements SimpleVersionedSerializer<BaselineSplit> {

    public static final int CURRENT_VERSION = 2;
    public static final BaselineSplitSerializer INSTANCE = new BaselineSplitSerializer();
    private static final long UNKNOWN_TOPIC = Fingerprints.of(new dev.baselinewatch.event.TopicInfo());

    @Override
    public int getVersion() {
        return CURRENT_VERSION;
    }

    @Override
    public byte[] serialize(BaselineSplit split) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(split, out);
        }
        return bytes.toByteArray();
    }

    @Override
    public BaselineSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != 1 && version != CURRENT_VERSION) {
            throw new IOException("Unknown BaselineSplit serializer version " + version + "; this build reads 1.." + CURRENT_VERSION);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            BaselineSplit split = read(in, version);
            if (in.available() > 0) {
                throw new IOException("BaselineSplit v" + version + " has " + in.available() + " unexpected trailing bytes");
            }
            return split;
        }
    }

    static void write(BaselineSplit split, DataOutputStream out) throws IOException {
        out.writeLong(split.baselineId());
        int[] cycles = split.inGroupIds();
        out.writeInt(cycles.length);
        for (int cycle : cycles) {
            out.writeInt(cycle);
        }
        writeProfile(split.profile(), out);
        out.writeInt(split.instances().size());
        for (Map.Entry<InstanceKey, InstanceSnapshot> entry : split.instances().entrySet()) {
            InstanceKey key = entry.getKey();
            InstanceSnapshot snapshot = entry.getValue();
            out.writeLong(key.bizdate().toEpochDay());
            out.writeInt(key.inGroupId());
            out.writeLong(snapshot.statusFingerprint());
            out.writeBoolean(snapshot.finished());
            out.writeBoolean(snapshot.blind());
            out.writeBoolean(snapshot.absent());
            out.writeInt(snapshot.runFingerprints().size());
            for (Map.Entry<Long, Long> run : snapshot.runFingerprints().entrySet()) {
                out.writeLong(run.getKey());
                out.writeLong(run.getValue());
            }
            out.writeInt(snapshot.topics().size());
            for (Map.Entry<Long, Long> topic : snapshot.topics().entrySet()) {
                out.writeLong(topic.getKey());
                out.writeLong(topic.getValue());
            }
        }
    }

    static BaselineSplit read(DataInputStream in, int version) throws IOException {
        long baselineId = in.readLong();
        int[] cycles = new int[in.readInt()];
        for (int i = 0; i < cycles.length; i++) {
            cycles[i] = in.readInt();
        }
        BaselineProfile profile = version >= 2 ? readProfile(in) : BaselineProfile.UNKNOWN;
        int instanceCount = in.readInt();
        Map<InstanceKey, InstanceSnapshot> instances = new HashMap<>();
        for (int i = 0; i < instanceCount; i++) {
            InstanceKey key = new InstanceKey(baselineId, LocalDate.ofEpochDay(in.readLong()), in.readInt());
            long statusFingerprint = in.readLong();
            boolean finished = in.readBoolean();
            boolean blind = version >= 2 && in.readBoolean();
            boolean absent = version >= 2 && in.readBoolean();
            int runCount = in.readInt();
            Map<Long, Long> runs = new HashMap<>();
            for (int r = 0; r < runCount; r++) {
                runs.put(in.readLong(), in.readLong());
            }
            int topicCount = in.readInt();
            Map<Long, Long> topics = new HashMap<>();
            for (int t = 0; t < topicCount; t++) {
                // Version 1 kept only the ids: as if each was seen on the key path, its status not yet known.
                topics.put(in.readLong(), version >= 2 ? in.readLong() : UNKNOWN_TOPIC);
            }
            instances.put(key, new InstanceSnapshot(statusFingerprint, runs, topics, finished, blind, absent));
        }
        return new BaselineSplit(baselineId, cycles, profile, instances);
    }

    private static void writeProfile(BaselineProfile p, DataOutputStream out) throws IOException {
        writeNullable(out, p.name());
        writeNullable(out, p.projectId());
        writeNullable(out, p.owner());
        writeNullable(out, p.priority());
        out.writeBoolean(p.hourly());
        writeNullable(out, p.alertMarginMinutes());
        out.writeInt(p.committedMinutes().size());
        for (Map.Entry<Integer, Integer> cycle : p.committedMinutes().entrySet()) {
            out.writeInt(cycle.getKey());
            out.writeInt(cycle.getValue());
        }
    }

    private static BaselineProfile readProfile(DataInputStream in) throws IOException {
        String name = in.readBoolean() ? in.readUTF() : null;
        Long projectId = in.readBoolean() ? in.readLong() : null;
        String owner = in.readBoolean() ? in.readUTF() : null;
        Integer priority = in.readBoolean() ? in.readInt() : null;
        boolean hourly = in.readBoolean();
        Integer margin = in.readBoolean() ? in.readInt() : null;
        int cycles = in.readInt();
        Map<Integer, Integer> committed = new HashMap<>();
        for (int i = 0; i < cycles; i++) {
            committed.put(in.readInt(), in.readInt());
        }
        return new BaselineProfile(name, projectId, owner, priority, hourly, margin, committed);
    }

    private static void writeNullable(DataOutputStream out, Object value) throws IOException {
        out.writeBoolean(value != null);
        if (value instanceof String s) {
            out.writeUTF(s);
        } else if (value instanceof Long l) {
            out.writeLong(l);
        } else if (value instanceof Integer i) {
            out.writeInt(i);
        } else if (value != null) {
            throw new IOException("cannot write " + value.getClass());
        }
    }
}
