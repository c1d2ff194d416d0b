package dev.baselinewatch.lateness;

import dev.baselinewatch.alert.AlertKind;
import dev.baselinewatch.alert.BaselineRef;
import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * A configured silence: alerts that match every criterion given (an empty set matches anything)
 * are not published while DataWorks time is in {@code [from, until)}. Their state is kept, so a
 * silence never loses a resolve and an alert still firing when it ends is published then.
 *
 * @param owners Alibaba Cloud UIDs of baseline owners
 * @param from null: since always
 */
public record Silence(
        Set<Long> baselines, Set<Long> projects, Set<String> owners, Set<AlertKind> kinds, Instant from, Instant until,
        String comment) implements Serializable {

    public Silence {
        baselines = Set.copyOf(baselines);
        projects = Set.copyOf(projects);
        owners = Set.copyOf(owners);
        kinds = Set.copyOf(kinds);
    }

    public boolean activeAt(long now) {
        return (from == null || now >= from.toEpochMilli()) && now < until.toEpochMilli();
    }

    public boolean matches(BaselineRef baseline, AlertKind kind) {
        return (baselines.isEmpty() || baselines.contains(baseline.id))
                && (projects.isEmpty() || (baseline.projectId != null && projects.contains(baseline.projectId)))
                && (owners.isEmpty() || (baseline.owner != null && owners.contains(baseline.owner)))
                && (kinds.isEmpty() || kinds.contains(kind));
    }
}
