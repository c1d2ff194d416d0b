package dev.baselinewatch.dataworks;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's rate-limit hints, {@code x-ratelimit-user-api} and {@code x-ratelimit-user}, written
 * like {@code Limit:1,Remain:0,TimeLeft:2000,Reset:1700000000000} (TimeLeft in milliseconds).
 */
public final class RateLimit {

    static final List<String> HEADERS = List.of("x-ratelimit-user-api", "x-ratelimit-user");
    private static final Pattern FIELD = Pattern.compile("(?i)\\b(Remain|TimeLeft)\\s*:\\s*(\\d+)");

    private RateLimit() {}

    /** How long to wait before the next call, when a header says the allowance is used up (or on a throttle). */
    public static OptionalLong waitMillis(HttpHeaders headers, boolean throttled) {
        long longest = -1;
        for (String name : HEADERS) {
            for (String value : headers.allValues(name)) {
                long wait = waitMillis(value, throttled);
                longest = Math.max(longest, wait);
            }
        }
        return longest < 0 ? OptionalLong.empty() : OptionalLong.of(longest);
    }

    /** -1 when the value says nothing about waiting. */
    static long waitMillis(String headerValue, boolean throttled) {
        Long remain = null;
        Long timeLeft = null;
        Matcher m = FIELD.matcher(headerValue);
        while (m.find()) {
            long number = Long.parseLong(m.group(2));
            if (m.group(1).equalsIgnoreCase("Remain")) {
                remain = number;
            } else {
                timeLeft = number;
            }
        }
        if (timeLeft == null) {
            return -1;
        }
        return throttled || (remain != null && remain == 0) ? timeLeft : -1;
    }
}
