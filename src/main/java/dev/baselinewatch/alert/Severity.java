package dev.baselinewatch.alert;

/** How loudly to page. Derived from the baseline's priority (1 lowest .. 8 highest) and the alert kind. */
public enum Severity {
    INFO,
    WARNING,
    MAJOR,
    CRITICAL;

    /** Priorities 7 and 8 are the ones DataWorks itself treats as the most important. */
    public static Severity of(AlertKind kind, Integer priority) {
        boolean high = priority != null && priority >= 7;
        return switch (kind) {
            // Missing the committed time (or not even existing by then) is what the baseline exists to prevent.
            case BASELINE_LATE, NO_DATA -> high ? CRITICAL : MAJOR;
            // Not late yet, or the job cannot tell: still time to act.
            case BASELINE_AT_RISK, NODE_FAILED, BLIND_SPOT -> high ? MAJOR : WARNING;
            // Causes, not outcomes: worth knowing, rarely worth waking someone for on their own.
            case NODE_SLOW, WAITING_FOR_RESOURCES, EVENT_OPENED -> high ? WARNING : INFO;
        };
    }
}
