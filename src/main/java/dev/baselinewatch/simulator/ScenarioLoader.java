package dev.baselinewatch.simulator;

import dev.baselinewatch.config.ConfigException;
import dev.baselinewatch.config.Durations;
import dev.baselinewatch.config.StrictYaml;
import dev.baselinewatch.simulator.Scenario.Outcome;
import dev.baselinewatch.simulator.Scenario.SimBaseline;
import dev.baselinewatch.simulator.Scenario.SimNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a scenario file (format: {@code docs/SCENARIOS.md}). Scenarios are written by users and
 * tests, so every mistake fails with the key and the file named, like the job config.
 */
public final class ScenarioLoader {

    /** The simulator's published test key, accepted when a scenario lists none. Not a secret. */
    public static final String DEFAULT_KEY_ID = "BW-SIMULATOR-TEST-KEY";
    public static final String DEFAULT_KEY_SECRET = "bw-simulator-test-secret-not-for-production";

    private static final Pattern CLOCK_TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

    private ScenarioLoader() {}

    public static Scenario load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read scenario " + file + ": " + e.getMessage(), e);
        }
    }

    /** A scenario bundled in the jar, e.g. {@code scenarios/demo.yaml}. */
    public static Scenario loadResource(String resource) {
        try (InputStream in = ScenarioLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No bundled scenario " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + resource);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read scenario " + resource + ": " + e.getMessage(), e);
        }
    }

    public static Scenario parse(String yaml, String fileName) {
        ScenarioFile raw = StrictYaml.read(yaml, ScenarioFile.class, "Simulator", "scenario " + fileName);
        return new Reader(fileName).scenario(raw);
    }

    private record Reader(String file) {

        Scenario scenario(ScenarioFile raw) {
            ZoneId zone = zone(raw.timeZone() == null ? "+08:00" : raw.timeZone());
            ScenarioFile.Clock clock = raw.clock() == null ? new ScenarioFile.Clock(null, null, null, null) : raw.clock();
            LocalDate runDay = clock.runDay() == null ? LocalDate.now(zone) : date(clock.runDay(), "clock.runDay");
            long midnight = runDay.atStartOfDay(zone).toInstant().toEpochMilli();
            Instant start = Instant.ofEpochMilli(midnight + clockTime(orDefault(clock.start(), "00:00"), "clock.start"));
            Instant end = Instant.ofEpochMilli(midnight + clockTime(orDefault(clock.end(), "24:00"), "clock.end"));
            check(end.isAfter(start), "clock.end", "must be after clock.start");
            double speed = clock.speed() == null ? 1.0 : clock.speed();
            check(speed > 0 && speed <= 100_000, "clock.speed", "must be in (0, 100000], was " + speed);

            Map<String, String> keys = new LinkedHashMap<>();
            if (raw.accessKeys() == null || raw.accessKeys().isEmpty()) {
                keys.put(DEFAULT_KEY_ID, DEFAULT_KEY_SECRET);
            } else {
                for (int i = 0; i < raw.accessKeys().size(); i++) {
                    ScenarioFile.Key key = raw.accessKeys().get(i);
                    check(key.id() != null && !key.id().isBlank() && key.secret() != null && !key.secret().isBlank(),
                            "accessKeys[" + i + "]", "needs an id and a secret");
                    keys.put(key.id(), key.secret());
                }
            }

            check(raw.baselines() != null && !raw.baselines().isEmpty(), "baselines", "must list at least one baseline");
            List<SimBaseline> baselines = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < raw.baselines().size(); i++) {
                SimBaseline baseline = baseline(raw.baselines().get(i), "baselines[" + i + "]", midnight);
                check(seen.add(baseline.id() + "/" + baseline.inGroupId()), "baselines[" + i + "].id",
                        "baseline " + baseline.id() + " cycle " + baseline.inGroupId() + " is listed twice");
                baselines.add(baseline);
            }
            List<Fault> faults = new ArrayList<>();
            List<ScenarioFile.FaultSpec> specs = raw.faults() == null ? List.of() : raw.faults();
            for (int i = 0; i < specs.size(); i++) {
                faults.add(fault(specs.get(i), "faults[" + i + "]", midnight));
            }
            return new Scenario(orDefault(raw.name(), file), zone, start, speed, end, Map.copyOf(keys), runDay.minusDays(1),
                    List.copyOf(baselines), List.copyOf(faults));
        }

        private Fault fault(ScenarioFile.FaultSpec f, String key, long midnight) {
            check(f.kind() != null, key + ".kind", "is required: one of " + java.util.Arrays.toString(Fault.Kind.values()));
            Fault.Kind kind;
            try {
                kind = Fault.Kind.valueOf(f.kind().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw fail(key + ".kind", "must be one of " + java.util.Arrays.toString(Fault.Kind.values()) + ", was " + f.kind());
            }
            int every = orDefault(f.every(), 1);
            check(every >= 1, key + ".every", "must be at least 1, was " + every);
            long count = orDefault(f.count(), Long.MAX_VALUE);
            check(count >= 1, key + ".count", "must be at least 1, was " + count);
            long from = f.from() == null ? Long.MIN_VALUE : midnight + clockTime(f.from(), key + ".from");
            long until = f.until() == null ? Long.MAX_VALUE : midnight + clockTime(f.until(), key + ".until");
            check(until > from, key + ".until", "must be after " + key + ".from");
            return new Fault(kind, new HashSet<>(orDefault(f.actions(), List.of())), new HashSet<>(orDefault(f.baselines(), List.of())),
                    from, until, every, count, orDefault(f.rateLimitHeader(), false),
                    f.timeLeft() == null ? 1000 : duration(f.timeLeft(), key + ".timeLeft", true),
                    f.delay() == null ? 2000 : duration(f.delay(), key + ".delay", true));
        }

        private SimBaseline baseline(ScenarioFile.Baseline b, String key, long midnight) {
            check(b.id() != null && b.id() > 0, key + ".id", "must be a positive baseline id");
            int inGroupId = orDefault(b.inGroupId(), 1);
            check(inGroupId >= 1 && inGroupId <= 24, key + ".inGroupId", "cycles are 1..24, was " + inGroupId);
            int priority = orDefault(b.priority(), 1);
            check(priority >= 1 && priority <= 8, key + ".priority", "must be 1..8, was " + priority);
            check(b.committedTime() != null, key + ".committedTime", "is required (hh:mm on the run day; hh may be 24..47)");
            long committed = midnight + clockTime(b.committedTime(), key + ".committedTime");
            long margin = duration(orDefault(b.alertMargin(), "30m"), key + ".alertMargin", true);
            check(b.nodes() != null && !b.nodes().isEmpty(), key + ".nodes", "must list the key path, at least one node");
            List<SimNode> nodes = new ArrayList<>();
            for (int n = 0; n < b.nodes().size(); n++) {
                nodes.add(node(b.nodes().get(n), key + ".nodes[" + n + "]", midnight, b, n));
            }
            return new SimBaseline(b.id(), orDefault(b.name(), "baseline_" + b.id()), orDefault(b.owner(), "0"),
                    orDefault(b.projectId(), 1L), priority, inGroupId, committed, committed - margin, List.copyOf(nodes));
        }

        private SimNode node(ScenarioFile.Node n, String key, long midnight, ScenarioFile.Baseline baseline, int index) {
            long nodeId = n.id() != null ? n.id() : baseline.id() * 100 + index + 1;
            check(nodeId > 0, key + ".id", "must be positive");
            long expected = duration(require(n.expectedDuration(), key + ".expectedDuration"), key + ".expectedDuration", false);
            long actual = n.actualDuration() == null ? expected : duration(n.actualDuration(), key + ".actualDuration", false);
            Outcome outcome = outcome(orDefault(n.outcome(), "SUCCESS"), key + ".outcome");
            Long rerunAfter = n.rerunAfter() == null ? null : duration(n.rerunAfter(), key + ".rerunAfter", true);
            check(rerunAfter == null || outcome == Outcome.FAILURE, key + ".rerunAfter", "only a FAILURE outcome is rerun");
            return new SimNode(
                    nodeId,
                    n.instanceId() != null ? n.instanceId() : nodeId * 1000 + 1,
                    orDefault(n.name(), "node_" + nodeId),
                    orDefault(n.owner(), orDefault(baseline.owner(), "0")),
                    orDefault(n.prgType(), 10),
                    n.plannedStart() == null ? Long.MIN_VALUE : midnight + clockTime(n.plannedStart(), key + ".plannedStart"),
                    expected,
                    actual,
                    n.waitForResources() == null ? 0 : duration(n.waitForResources(), key + ".waitForResources", true),
                    outcome,
                    rerunAfter,
                    n.rerunDuration() == null ? expected : duration(n.rerunDuration(), key + ".rerunDuration", false));
        }

        private Outcome outcome(String text, String key) {
            try {
                return Outcome.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw fail(key, "must be SUCCESS, FAILURE or NEVER_STARTS, was " + text);
            }
        }

        /** {@code hh:mm} after the run day's midnight; hours 24..47 fall on the next day, as in DataWorks. */
        private long clockTime(String text, String key) {
            Matcher m = CLOCK_TIME.matcher(text.trim());
            check(m.matches(), key, "must be hh:mm (hh 0..47), was " + text);
            int hours = Integer.parseInt(m.group(1));
            int minutes = Integer.parseInt(m.group(2));
            check(hours <= 47 && minutes <= 59, key, "must be hh:mm (hh 0..47), was " + text);
            return Duration.ofHours(hours).plusMinutes(minutes).toMillis();
        }

        private long duration(String text, String key, boolean zeroAllowed) {
            Duration d;
            try {
                d = Durations.parse(text);
            } catch (IllegalArgumentException e) {
                throw fail(key, e.getMessage());
            }
            check(!d.isNegative() && (zeroAllowed || !d.isZero()), key, "must be " + (zeroAllowed ? "0 or more" : "positive") + ", was " + text);
            return d.toMillis();
        }

        private LocalDate date(String text, String key) {
            try {
                return LocalDate.parse(text.trim());
            } catch (RuntimeException e) {
                throw fail(key, "must be a date yyyy-MM-dd, was " + text);
            }
        }

        private ZoneId zone(String text) {
            try {
                return ZoneId.of(text);
            } catch (RuntimeException e) {
                throw fail("timeZone", "is not a time zone (e.g. +08:00 or Asia/Shanghai): " + text);
            }
        }

        private <T> T require(T value, String key) {
            check(value != null, key, "is required");
            return value;
        }

        private static <T> T orDefault(T value, T fallback) {
            return value == null ? fallback : value;
        }

        private void check(boolean ok, String key, String problem) {
            if (!ok) {
                throw fail(key, problem);
            }
        }

        private ConfigException fail(String key, String problem) {
            return new ConfigException("Bad value for '" + key + "' in scenario " + file + ": " + problem);
        }
    }
}
