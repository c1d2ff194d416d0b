package dev.baselinewatch.event;

import java.time.LocalDate;

/**
 * A baseline instance: one baseline, one business date, one cycle. Its text form
 * {@code baselineId:bizdate:inGroupId} is the key of everything downstream, including Kafka records.
 */
public record InstanceKey(long baselineId, LocalDate bizdate, int inGroupId) {

    public static InstanceKey parse(String text) {
        String[] parts = text.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not an instance key (baselineId:bizdate:inGroupId): " + text);
        }
        return new InstanceKey(Long.parseLong(parts[0]), LocalDate.parse(parts[1]), Integer.parseInt(parts[2]));
    }

    @Override
    public String toString() {
        return baselineId + ":" + bizdate + ":" + inGroupId;
    }
}
