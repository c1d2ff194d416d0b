package dev.baselinewatch.source.enumerator;

import dev.baselinewatch.source.split.BaselineSplit;
import dev.baselinewatch.source.split.BaselineSplitSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Versioned form of {@link BaselineEnumState}; nested splits carry their own serializer version.
 * Version 1 had no budget ledger; it reads as a ledger that starts empty.
 */
public final class BaselineEnumStateSerializer implements SimpleVersionedSerializer<BaselineEnumState> {

    public static final int CURRENT_VERSION = 2;

    @Override
    public int getVersion() {
        return CURRENT_VERSION;
    }

    @Override
    public byte[] serialize(BaselineEnumState state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(state.assignedBaselineIds().size());
            for (long id : state.assignedBaselineIds()) {
                out.writeLong(id);
            }
            out.writeInt(state.unassigned().size());
            for (BaselineSplit split : state.unassigned()) {
                byte[] serialized = BaselineSplitSerializer.INSTANCE.serialize(split);
                out.writeInt(BaselineSplitSerializer.INSTANCE.getVersion());
                out.writeInt(serialized.length);
                out.write(serialized);
            }
            out.writeLong(state.budgetDay());
            out.writeLong(state.budgetGranted());
        }
        return bytes.toByteArray();
    }

    @Override
    public BaselineEnumState deserialize(int version, byte[] serialized) throws IOException {
        if (version != 1 && version != CURRENT_VERSION) {
            throw new IOException("Unknown BaselineEnumState serializer version " + version + "; this build reads 1.." + CURRENT_VERSION);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            int assignedCount = in.readInt();
            Set<Long> assigned = new HashSet<>();
            for (int i = 0; i < assignedCount; i++) {
                assigned.add(in.readLong());
            }
            int unassignedCount = in.readInt();
            List<BaselineSplit> unassigned = new ArrayList<>();
            for (int i = 0; i < unassignedCount; i++) {
                int splitVersion = in.readInt();
                byte[] split = new byte[in.readInt()];
                in.readFully(split);
                unassigned.add(BaselineSplitSerializer.INSTANCE.deserialize(splitVersion, split));
            }
            long budgetDay = version >= 2 ? in.readLong() : 0;
            long budgetGranted = version >= 2 ? in.readLong() : 0;
            if (in.available() > 0) {
                throw new IOException("BaselineEnumState v" + version + " has " + in.available() + " unexpected trailing bytes");
            }
            return new BaselineEnumState(assigned, unassigned, budgetDay, budgetGranted);
        }
    }
}
