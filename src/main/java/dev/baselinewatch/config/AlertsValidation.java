package dev.baselinewatch.config;

import dev.baselinewatch.alert.AlertKind;
import dev.baselinewatch.lateness.AlertPolicy;
import dev.baselinewatch.lateness.Silence;
import dev.baselinewatch.source.WatchedBaseline;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies defaults to and checks the {@code alerts:} section and the lateness windows of a job
 * config, the way {@link JobConfigLoader} does the rest: every error names its key and the file.
 */
final class AlertsValidation {

    private final ConfigChecks checks;

    AlertsValidation(ConfigChecks checks) {
        this.checks = checks;
    }

    AlertPolicy policy(JobConfig.Alerts raw, JobConfig.Lateness lateness, ZoneId zone, List<WatchedBaseline> baselines, Duration grace) {
        JobConfig.Alerts alerts = raw != null ? raw : new JobConfig.Alerts(null, null, null, null, null, null, null, null);
        AlertPolicy defaults = AlertPolicy.defaults(zone);
        Duration repeatInterval = duration(alerts.repeatInterval(), defaults.repeatInterval(), "alerts.repeatInterval");
        int maxRepeats = alerts.maxRepeats() == null ? defaults.maxRepeats() : alerts.maxRepeats();
        check(maxRepeats >= 0 && maxRepeats <= 100, "alerts.maxRepeats", "must be 0 (never repeat) .. 100, was " + maxRepeats);
        double slowFactor = alerts.nodeSlowFactor() == null ? defaults.nodeSlowFactor() : alerts.nodeSlowFactor();
        check(slowFactor > 1.0 && slowFactor <= 100, "alerts.nodeSlowFactor", "must be above 1 (times the node's usual duration), was " + slowFactor);
        Duration slowMinimum = duration(alerts.nodeSlowMinimum(), defaults.nodeSlowMinimum(), "alerts.nodeSlowMinimum");
        Duration waiting = duration(alerts.waitingForResourcesAfter(), defaults.waitingForResourcesAfter(), "alerts.waitingForResourcesAfter");
        Duration projectionChange = duration(alerts.projectionChange(), defaults.projectionChange(), "alerts.projectionChange");
        Duration expireAfter = duration(alerts.expireAfter(), defaults.expireAfter(), "alerts.expireAfter");
        check(expireAfter.compareTo(Duration.ofDays(1)) >= 0, "alerts.expireAfter",
                "must be at least 1d: the source watches an instance until its business date rolls out, a day or two after its committed time; was " + expireAfter);
        Duration windowClose = lateness.windowClose() == null ? defaults.windowClose() : hoursMinutes(lateness.windowClose(), "lateness.windowClose");
        Duration hourGrace = duration(lateness.hourWindowGrace(), defaults.hourWindowGrace(), "lateness.hourWindowGrace");
        Set<Long> hourly = baselines.stream()
                .filter(b -> b.inGroupIds() != null && (b.inGroupIds().length > 1 || b.inGroupIds()[0] != 1))
                .map(WatchedBaseline::baselineId)
                .collect(Collectors.toSet());
        List<Silence> silences = new ArrayList<>();
        List<JobConfig.Silence> rawSilences = alerts.silences() == null ? List.of() : alerts.silences();
        for (int i = 0; i < rawSilences.size(); i++) {
            silences.add(silence(rawSilences.get(i), "alerts.silences[" + i + "]", zone));
        }
        return new AlertPolicy(zone, grace, repeatInterval, maxRepeats, slowFactor, slowMinimum, waiting, projectionChange,
                expireAfter, silences, windowClose, hourGrace, hourly);
    }

    private Silence silence(JobConfig.Silence raw, String key, ZoneId zone) {
        check(raw != null, key, "must not be empty");
        List<String> kindNames = orEmpty(raw.kinds());
        Set<AlertKind> kinds = new HashSet<>();
        for (String name : kindNames) {
            try {
                kinds.add(AlertKind.valueOf(name));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw fail(key + ".kinds", "unknown alert kind " + name + "; kinds are " + Arrays.toString(AlertKind.values()));
            }
        }
        Set<Long> baselines = Set.copyOf(orEmpty(raw.baselines()));
        Set<Long> projects = Set.copyOf(orEmpty(raw.projects()));
        Set<String> owners = Set.copyOf(orEmpty(raw.owners()));
        check(!baselines.isEmpty() || !projects.isEmpty() || !owners.isEmpty() || !kinds.isEmpty(), key,
                "must name at least one of baselines, projects, owners or kinds (a silence of everything hides the job)");
        check(raw.until() != null, key + ".until", "is required: a silence without an end is forgotten and hides alerts for good");
        Instant until = instant(raw.until(), key + ".until", zone);
        Instant from = raw.from() == null ? null : instant(raw.from(), key + ".from", zone);
        check(from == null || from.isBefore(until), key + ".until", "must be after " + key + ".from");
        return new Silence(baselines, projects, owners, kinds, from, until, raw.comment());
    }

    /** With an offset ({@code 2026-12-04T02:00+08:00}), or without one in the project's zone. */
    private Instant instant(String text, String key, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException e2) {
                throw fail(key, "is not a date and time (write e.g. 2026-12-04T02:00+08:00, or 2026-12-04T02:00 in dataworks.timeZone): " + text);
            }
        }
    }

    /** hh:mm after the run day's midnight, hh 0..47, as DataWorks writes committed times. */
    private Duration hoursMinutes(String text, String key) {
        String[] parts = text.trim().split(":");
        try {
            int hours = Integer.parseInt(parts[0]);
            int minutes = Integer.parseInt(parts[1]);
            check(parts.length == 2 && hours >= 0 && hours <= 47 && minutes >= 0 && minutes <= 59, key, "must be hh:mm with hh 0..47, was " + text);
            return Duration.ofHours(hours).plusMinutes(minutes);
        } catch (RuntimeException e) {
            if (e instanceof ConfigException c) {
                throw c;
            }
            throw fail(key, "must be hh:mm with hh 0..47 (a time on the run day; 24:00 and later fall on the next day), was " + text);
        }
    }

    private Duration duration(String text, Duration fallback, String key) {
        return checks.positiveOr(text, fallback, key);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private void check(boolean ok, String key, String problem) {
        checks.check(ok, key, problem);
    }

    private ConfigException fail(String key, String problem) {
        return checks.fail(key, problem);
    }
}
