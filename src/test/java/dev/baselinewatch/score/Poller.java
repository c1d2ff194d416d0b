package dev.baselinewatch.score;

import dev.baselinewatch.job.BaselineWatchJob;
import dev.baselinewatch.local.LocalStack;
import java.util.Locale;

/** Which source a scored run polls DataWorks with; the rest of the job is the same either way. */
enum Poller {
    /** The product's source: urgency, listings, the call budget. */
    OURS,
    /** Status and key path of every live unfinished instance every interval (test scope, for comparison). */
    NAIVE;

    static Poller named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--poller is ours or naive, was " + name, e);
        }
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    LocalStack.JobWiring wiring() {
        return this == OURS ? BaselineWatchJob::configure : NaiveJob::configure;
    }
}
