package dev.baselinewatch.alert;

/** How loudly to page. Derived from the baseline's priority (1 lowest .. 8 highest) and the alert kind. */
public enum Severity {
    INFO,
    WARNING,
    MAJOR,
    CRITICAL;

    public static Severity of(AlertKind kind, Integer priority) {
        boolean high = priority != null && priority >= 7;
        return switch (kind) {
            case BASELINE_LATE -> high ? CRITICAL : MAJOR;
            case BASELINE_AT_RISK -> high ? MAJOR : WARNING;
        };
    }
}
