package dev.baselinewatch.config;

import dev.baselinewatch.source.DiscoveryRule;
import dev.baselinewatch.source.WatchSpec;
import dev.baselinewatch.source.WatchedBaseline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks what a job config says to watch: {@code baselines:} by id (their cycles, or every cycle
 * DataWorks has) and the {@code discovery:} rules; every error names its key and the file.
 */
final class WatchValidation {

    private final ConfigChecks checks;

    WatchValidation(ConfigChecks checks) {
        this.checks = checks;
    }

    WatchSpec watch(List<JobConfig.Baseline> named, JobConfig.Discovery discovery) {
        List<DiscoveryRule> rules = discovery == null ? List.of() : discoveryRules(discovery);
        check((named != null && !named.isEmpty()) || !rules.isEmpty(), "baselines",
                "must list at least one baseline to watch, unless discovery.projects finds them");
        Duration refresh = discovery == null ? Duration.ofHours(1)
                : checks.positive(orDefault(discovery.refreshInterval(), "1h"), "discovery.refreshInterval");
        return new WatchSpec(named == null ? List.of() : baselines(named), rules, refresh);
    }

    private List<DiscoveryRule> discoveryRules(JobConfig.Discovery discovery) {
        List<JobConfig.DiscoveryProject> projects = orDefault(discovery.projects(), List.of());
        check(!projects.isEmpty(), "discovery.projects", "must list at least one project to discover baselines in");
        List<DiscoveryRule> rules = new ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            JobConfig.DiscoveryProject p = projects.get(i);
            String key = "discovery.projects[" + i + "]";
            check(p != null && p.projectId() != null && p.projectId() > 0, key + ".projectId", "must be a positive project id");
            List<Integer> priorities = orDefault(p.priorities(), List.of());
            for (Integer priority : priorities) {
                check(priority != null && priority >= 1 && priority <= 8, key + ".priorities", "priorities are 1..8, was " + priority);
            }
            List<String> types = new ArrayList<>();
            for (String type : orDefault(p.types(), List.<String>of())) {
                String upper = type == null ? "" : type.trim().toUpperCase(Locale.ROOT);
                check(upper.equals("DAILY") || upper.equals("HOURLY"), key + ".types", "types are DAILY and HOURLY, was " + type);
                types.add(upper);
            }
            check(p.owner() == null || !p.owner().isBlank(), key + ".owner", "must not be blank (leave it out for every owner)");
            rules.add(new DiscoveryRule(p.projectId(), priorities, p.owner(), types));
        }
        return rules;
    }

    private List<WatchedBaseline> baselines(List<JobConfig.Baseline> raw) {
        List<WatchedBaseline> watched = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            JobConfig.Baseline b = raw.get(i);
            String key = "baselines[" + i + "]";
            check(b != null && b.id() != null && b.id() > 0, key + ".id", "must be a positive baseline id");
            check(seen.add(b.id()), key + ".id", "baseline " + b.id() + " is listed twice");
            if (b.inGroupIds() == null) {
                // Every cycle DataWorks configured: one for a daily baseline, up to 24 for an hourly one.
                watched.add(WatchedBaseline.allCycles(b.id()));
                continue;
            }
            List<Integer> cycles = b.inGroupIds();
            check(!cycles.isEmpty(), key + ".inGroupIds", "must not be empty; leave it out to watch every cycle");
            for (Integer cycle : cycles) {
                check(cycle != null && cycle >= 1 && cycle <= 24, key + ".inGroupIds", "cycles are 1..24, was " + cycle);
            }
            watched.add(new WatchedBaseline(b.id(), cycles.stream().mapToInt(Integer::intValue).distinct().sorted().toArray()));
        }
        return watched;
    }

    private void check(boolean ok, String key, String problem) {
        checks.check(ok, key, problem);
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
