package dev.baselinewatch.simulator;

import static dev.baselinewatch.simulator.ScenarioValues.orDefault;

import dev.baselinewatch.config.StrictYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scenario file (format: {@code docs/SCENARIOS.md}). Scenarios are written by users and
 * tests, so every mistake fails with the key and the file named, like the job config.
 */
public final class ScenarioLoader {

    /** The simulator's published test key, accepted when a scenario lists none. Not a secret. */
    public static final String DEFAULT_KEY_ID = "BW-SIMULATOR-TEST-KEY";
    public static final String DEFAULT_KEY_SECRET = "bw-simulator-test-secret-not-for-production";

    /** More run days than a year is not a scenario anyone waits for. */
    static final int MAX_DAYS = 366;

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
        return new Reader(new ScenarioValues(fileName)).scenario(raw);
    }

    private record Reader(ScenarioValues values) {

        Scenario scenario(ScenarioFile raw) {
            ZoneId zone = zone(raw.timeZone() == null ? "+08:00" : raw.timeZone());
            ScenarioFile.Clock clock = raw.clock() == null ? new ScenarioFile.Clock(null, null, null, null, null) : raw.clock();
            LocalDate runDay = clock.runDay() == null ? LocalDate.now(zone) : values.date(clock.runDay(), "clock.runDay");
            int days = orDefault(clock.days(), 1);
            values.check(days >= 1 && days <= MAX_DAYS, "clock.days", "must be 1.." + MAX_DAYS + ", was " + days);
            long firstMidnight = runDay.atStartOfDay(zone).toInstant().toEpochMilli();
            long lastMidnight = runDay.plusDays(days - 1L).atStartOfDay(zone).toInstant().toEpochMilli();
            Instant start = Instant.ofEpochMilli(firstMidnight + values.clockTime(orDefault(clock.start(), "00:00"), "clock.start"));
            Instant end = Instant.ofEpochMilli(lastMidnight + values.clockTime(orDefault(clock.end(), "24:00"), "clock.end"));
            values.check(end.isAfter(start), "clock.end", "must be after clock.start");
            double speed = clock.speed() == null ? 1.0 : clock.speed();
            values.check(speed > 0 && speed <= 100_000, "clock.speed", "must be in (0, 100000], was " + speed);

            List<ScenarioBaseline> baselines = baselines(raw);
            InstanceIds ids = InstanceIds.of(baselines, days, values);
            List<Fault> faults = new ArrayList<>();
            List<ScenarioFile.FaultSpec> specs = raw.faults() == null ? List.of() : raw.faults();
            for (int i = 0; i < specs.size(); i++) {
                faults.add(fault(specs.get(i), "faults[" + i + "]", runDay, days, zone));
            }
            return new Scenario(orDefault(raw.name(), values.file()), zone, start, speed, end, accessKeys(raw), runDay.minusDays(1),
                    days, baselines, faults, ids);
        }

        private Map<String, String> accessKeys(ScenarioFile raw) {
            Map<String, String> keys = new LinkedHashMap<>();
            if (raw.accessKeys() == null || raw.accessKeys().isEmpty()) {
                keys.put(DEFAULT_KEY_ID, DEFAULT_KEY_SECRET);
                return keys;
            }
            for (int i = 0; i < raw.accessKeys().size(); i++) {
                ScenarioFile.Key key = raw.accessKeys().get(i);
                values.check(key.id() != null && !key.id().isBlank() && key.secret() != null && !key.secret().isBlank(),
                        "accessKeys[" + i + "]", "needs an id and a secret");
                keys.put(key.id(), key.secret());
            }
            return keys;
        }

        /** Written baselines first, then each generated population; no baseline id (and cycle) twice. */
        private List<ScenarioBaseline> baselines(ScenarioFile raw) {
            List<ScenarioFile.Baseline> written = orDefault(raw.baselines(), List.of());
            List<ScenarioFile.Generate> generate = orDefault(raw.generate(), List.of());
            values.check(!written.isEmpty() || !generate.isEmpty(), "baselines", "must list at least one baseline (or generate some)");
            List<ScenarioBaseline> baselines = new ArrayList<>();
            Map<Long, String> writtenIds = new HashMap<>();
            Set<String> cycles = new HashSet<>();
            BaselineEntryReader entries = new BaselineEntryReader(values);
            for (int i = 0; i < written.size(); i++) {
                ScenarioBaseline b = entries.read(written.get(i), "baselines[" + i + "]");
                for (int inGroupId : b.inGroupIds()) {
                    values.check(cycles.add(b.id() + "/" + inGroupId), b.key() + ".id",
                            "baseline " + b.id() + " cycle " + inGroupId + " is listed twice");
                }
                writtenIds.putIfAbsent(b.id(), b.key());
                baselines.add(b);
            }
            PopulationReader populations = new PopulationReader(values);
            List<Population> blocks = new ArrayList<>();
            for (int i = 0; i < generate.size(); i++) {
                Population p = populations.read(generate.get(i), "generate[" + i + "]");
                for (Map.Entry<Long, String> w : writtenIds.entrySet()) {
                    values.check(w.getKey() < p.firstId() || w.getKey() > p.lastId(), p.key() + ".firstId",
                            "ids " + p.firstId() + ".." + p.lastId() + " include baseline " + w.getKey() + " of " + w.getValue());
                }
                for (Population other : blocks) {
                    values.check(other.lastId() < p.firstId() || other.firstId() > p.lastId(), p.key() + ".firstId",
                            "ids " + p.firstId() + ".." + p.lastId() + " overlap " + other.key() + "'s " + other.firstId() + ".." + other.lastId());
                }
                blocks.add(p);
                baselines.addAll(p.generate());
            }
            return baselines;
        }

        /** {@code from}/{@code until} are hh:mm of run day {@code day} (default the first), or of every run day. */
        private Fault fault(ScenarioFile.FaultSpec f, String key, LocalDate runDay, int days, ZoneId zone) {
            values.check(f.kind() != null, key + ".kind", "is required: one of " + Arrays.toString(Fault.Kind.values()));
            Fault.Kind kind;
            try {
                kind = Fault.Kind.valueOf(f.kind().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw values.fail(key + ".kind", "must be one of " + Arrays.toString(Fault.Kind.values()) + ", was " + f.kind());
            }
            int every = orDefault(f.every(), 1);
            values.check(every >= 1, key + ".every", "must be at least 1, was " + every);
            long count = orDefault(f.count(), Long.MAX_VALUE);
            values.check(count >= 1, key + ".count", "must be at least 1, was " + count);
            boolean everyDay = orDefault(f.everyDay(), false);
            values.check(!everyDay || f.day() == null, key + ".day", "give either day or everyDay, not both");
            values.check(f.day() == null || (f.day() >= 1 && f.day() <= days), key + ".day",
                    "must be a run day 1.." + days + " (clock.days), was " + f.day());
            List<Fault.Window> windows = new ArrayList<>();
            if (f.day() == null && !everyDay && f.from() == null && f.until() == null) {
                windows.add(Fault.Window.ALWAYS);
            } else {
                boolean wholeDays = f.day() != null || everyDay;
                long from = f.from() == null ? (wholeDays ? 0 : Long.MIN_VALUE) : values.clockTime(f.from(), key + ".from");
                long until = f.until() == null ? (wholeDays ? 24 * 3_600_000L : Long.MAX_VALUE) : values.clockTime(f.until(), key + ".until");
                values.check(until > from, key + ".until", "must be after " + key + ".from");
                int firstDay = everyDay ? 0 : orDefault(f.day(), 1) - 1;
                int lastDay = everyDay ? days - 1 : firstDay;
                for (int d = firstDay; d <= lastDay; d++) {
                    long midnight = runDay.plusDays(d).atStartOfDay(zone).toInstant().toEpochMilli();
                    windows.add(new Fault.Window(from == Long.MIN_VALUE ? from : midnight + from, until == Long.MAX_VALUE ? until : midnight + until));
                }
            }
            return new Fault(kind, new HashSet<>(orDefault(f.actions(), List.of())), new HashSet<>(orDefault(f.baselines(), List.of())),
                    windows, every, count, orDefault(f.rateLimitHeader(), false),
                    f.timeLeft() == null ? 1000 : values.duration(f.timeLeft(), key + ".timeLeft", true),
                    f.delay() == null ? 2000 : values.duration(f.delay(), key + ".delay", true));
        }

        private ZoneId zone(String text) {
            try {
                return ZoneId.of(text);
            } catch (RuntimeException e) {
                throw values.fail("timeZone", "is not a time zone (e.g. +08:00 or Asia/Shanghai): " + text);
            }
        }
    }
}
