package dev.baselinewatch.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in config: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h},
 * {@code 1d}, combined like {@code 3h30m}, or ISO-8601 ({@code PT3H30M}).
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)\\s*(ms|min|s|m|h|d)\\s*");
    private static final Pattern SIMPLE = Pattern.compile("(?:\\d+\\s*(?:ms|min|s|m|h|d)\\s*)+");

    private Durations() {}

    public static Duration parse(String text) {
        String trimmed = text.trim();
        if (SIMPLE.matcher(trimmed).matches()) {
            Duration total = Duration.ZERO;
            Matcher m = PART.matcher(trimmed);
            while (m.find()) {
                long amount = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m", "min" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                });
            }
            return total;
        }
        try {
            return Duration.parse(trimmed);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("is not a duration (write e.g. 500ms, 30s, 5m, 2h, 3h30m, 1d): " + text);
        }
    }
}
