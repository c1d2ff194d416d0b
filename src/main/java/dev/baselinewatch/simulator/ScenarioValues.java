package dev.baselinewatch.simulator;

import dev.baselinewatch.config.ConfigException;
import dev.baselinewatch.config.Durations;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values of one scenario file (clock times, durations, ranges) and words its mistakes the
 * same way everywhere: the key and the file named, like the job config.
 */
final class ScenarioValues {

    private static final Pattern CLOCK_TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

    private final String file;

    ScenarioValues(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    /** {@code hh:mm} after a run day's midnight; hours 24..47 fall on the next day, as in DataWorks. */
    long clockTime(String text, String key) {
        Matcher m = CLOCK_TIME.matcher(text.trim());
        check(m.matches(), key, "must be hh:mm (hh 0..47), was " + text);
        int hours = Integer.parseInt(m.group(1));
        int minutes = Integer.parseInt(m.group(2));
        check(hours <= 47 && minutes <= 59, key, "must be hh:mm (hh 0..47), was " + text);
        return Duration.ofHours(hours).plusMinutes(minutes).toMillis();
    }

    long duration(String text, String key, boolean zeroAllowed) {
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail(key, e.getMessage());
        }
        check(!d.isNegative() && (zeroAllowed || !d.isZero()), key, "must be " + (zeroAllowed ? "0 or more" : "positive") + ", was " + text);
        return d.toMillis();
    }

    /** A {@code [min, max]} pair (one value means min = max); both ends are checked with {@code parser}. */
    long[] range(List<String> values, String key, java.util.function.BiFunction<String, String, Long> parser) {
        check(values != null && (values.size() == 1 || values.size() == 2), key, "must be [min, max], was " + values);
        long min = parser.apply(values.get(0), key + "[0]");
        long max = values.size() == 1 ? min : parser.apply(values.get(1), key + "[1]");
        check(min <= max, key, "min must not be above max, was " + values);
        return new long[] {min, max};
    }

    LocalDate date(String text, String key) {
        try {
            return LocalDate.parse(text.trim());
        } catch (RuntimeException e) {
            throw fail(key, "must be a date yyyy-MM-dd, was " + text);
        }
    }

    <T> T require(T value, String key) {
        check(value != null, key, "is required");
        return value;
    }

    static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    void check(boolean ok, String key, String problem) {
        if (!ok) {
            throw fail(key, problem);
        }
    }

    ConfigException fail(String key, String problem) {
        return new ConfigException("Bad value for '" + key + "' in scenario " + file + ": " + problem);
    }
}
