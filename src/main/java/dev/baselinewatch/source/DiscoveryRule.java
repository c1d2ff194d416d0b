package dev.baselinewatch.source;

import java.io.Serializable;
import java.util.List;

/**
 * Watch every baseline of a DataWorks project that matches the filters, as {@code ListBaselines}
 * finds them; refreshed periodically, so baselines added later are picked up and removed ones retired.
 *
 * @param priorities only these priorities (1..8); empty for all
 * @param owner only baselines of this owner (Alibaba Cloud UID); null for all
 * @param types DAILY and/or HOURLY; empty for both
 */
public record DiscoveryRule(long projectId, List<Integer> priorities, String owner, List<String> types) implements Serializable {

    public DiscoveryRule {
        priorities = List.copyOf(priorities);
        types = List.copyOf(types);
    }

    /** The {@code Priority} filter as the API takes it (comma-separated), or null. */
    public String priorityFilter() {
        return priorities.isEmpty() ? null : String.join(",", priorities.stream().map(String::valueOf).toList());
    }

    public String typeFilter() {
        return types.isEmpty() ? null : String.join(",", types);
    }

    @Override
    public String toString() {
        return "project " + projectId + (priorities.isEmpty() ? "" : " priorities " + priorities)
                + (owner == null ? "" : " owner " + owner) + (types.isEmpty() ? "" : " types " + types);
    }
}
