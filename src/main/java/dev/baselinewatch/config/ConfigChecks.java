package dev.baselinewatch.config;

import java.time.Duration;

/** The checks every part of a job config's validation shares; each failure names its key and the file. */
final class ConfigChecks {

    private final String file;

    ConfigChecks(String file) {
        this.file = file;
    }

    void check(boolean ok, String key, String problem) {
        if (!ok) {
            throw fail(key, problem);
        }
    }

    ConfigException fail(String key, String problem) {
        return new ConfigException("Bad value for '" + key + "' in " + file + ": " + problem);
    }

    /** A positive duration written as people write them ({@link Durations}). */
    Duration positive(String text, String key) {
        Duration duration;
        try {
            duration = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail(key, e.getMessage());
        }
        check(!duration.isZero() && !duration.isNegative(), key, "must be positive, was " + text);
        return duration;
    }

    /** {@link #positive}, or {@code fallback} when the key is not set. */
    Duration positiveOr(String text, Duration fallback, String key) {
        return text == null ? fallback : positive(text, key);
    }
}
