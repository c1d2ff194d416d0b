package dev.baselinewatch.source.split;

import dev.baselinewatch.event.InstanceKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Hand-written, versioned form of {@link BaselineSplit}; unknown versions and trailing bytes fail loudly. */
public final class BaselineSplitSerializer implements SimpleVersionedSerializer<BaselineSplit> {

    public static final int CURRENT_VERSION = 1;
    public static final BaselineSplitSerializer INSTANCE = new BaselineSplitSerializer();

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
        if (version != CURRENT_VERSION) {
            throw new IOException("Unknown BaselineSplit serializer version " + version + "; this build reads " + CURRENT_VERSION);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            BaselineSplit split = read(in);
            if (in.available() > 0) {
                throw new IOException("BaselineSplit v" + version + " has " + in.available() + " unexpected trailing bytes");
            }
            return split;
        }
    }

    /** Also used inside the enumerator state, which nests splits. */
    static void write(BaselineSplit split, DataOutputStream out) throws IOException {
        out.writeLong(split.baselineId());
        int[] cycles = split.inGroupIds();
        out.writeInt(cycles.length);
        for (int cycle : cycles) {
            out.writeInt(cycle);
        }
        out.writeInt(split.instances().size());
        for (Map.Entry<InstanceKey, InstanceSnapshot> entry : split.instances().entrySet()) {
            InstanceKey key = entry.getKey();
            InstanceSnapshot snapshot = entry.getValue();
            out.writeLong(key.bizdate().toEpochDay());
            out.writeInt(key.inGroupId());
            out.writeLong(snapshot.statusFingerprint());
            out.writeBoolean(snapshot.finished());
            out.writeInt(snapshot.runFingerprints().size());
            for (Map.Entry<Long, Long> run : snapshot.runFingerprints().entrySet()) {
                out.writeLong(run.getKey());
                out.writeLong(run.getValue());
            }
            out.writeInt(snapshot.topicIds().size());
            for (long topicId : snapshot.topicIds()) {
                out.writeLong(topicId);
            }
        }
    }

    static BaselineSplit read(DataInputStream in) throws IOException {
        long baselineId = in.readLong();
        int[] cycles = new int[in.readInt()];
        for (int i = 0; i < cycles.length; i++) {
            cycles[i] = in.readInt();
        }
        int instanceCount = in.readInt();
        Map<InstanceKey, InstanceSnapshot> instances = new HashMap<>();
        for (int i = 0; i < instanceCount; i++) {
            InstanceKey key = new InstanceKey(baselineId, LocalDate.ofEpochDay(in.readLong()), in.readInt());
            long statusFingerprint = in.readLong();
            boolean finished = in.readBoolean();
            int runCount = in.readInt();
            Map<Long, Long> runs = new HashMap<>();
            for (int r = 0; r < runCount; r++) {
                runs.put(in.readLong(), in.readLong());
            }
            int topicCount = in.readInt();
            Set<Long> topics = new HashSet<>();
            for (int t = 0; t < topicCount; t++) {
                topics.add(in.readLong());
            }
            instances.put(key, new InstanceSnapshot(statusFingerprint, runs, topics, finished));
        }
        return new BaselineSplit(baselineId, cycles, instances);
    }
}
