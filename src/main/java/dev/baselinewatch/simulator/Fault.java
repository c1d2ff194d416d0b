package dev.baselinewatch.simulator;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault the simulator injects into matching calls: by action, baseline and simulated time windows
 * (one, or one per run day), on every {@code every}-th match, at most {@code count} times. See
 * {@code docs/SCENARIOS.md}.
 */
public final class Fault {

    /** What goes wrong; each is answered the way the real service or its gateway answers. */
    public enum Kind {
        /** HTTP 429 {@code Throttling.User}. */
        THROTTLE,
        /** HTTP 400 {@code Throttling.Api}: the gateway's other form. */
        THROTTLE_400,
        /** HTTP 429 {@code Throttling.Api.Risk}: the daily quota is spent. */
        DAILY_CAP,
        /** HTTP 500 {@code InternalError.System}. */
        INTERNAL_ERROR,
        /** HTTP 502 with an HTML page, as a load balancer answers. */
        BAD_GATEWAY,
        /** HTTP 500 {@code Forbidden.Wkbench.BaselineNoPermission}. */
        NO_PERMISSION,
        /** HTTP 403 {@code Forbidden.Access}: the edition has no API access. */
        FORBIDDEN_ACCESS,
        /** No answer at all until the client gives up. */
        HANG,
        /** The right answer, {@code delay} late. */
        SLOW,
        /** A truncated body that is not JSON. */
        MALFORMED,
        /** The right answer in the documented odd spellings: numeric ErrorCode, InGroupId as text, DANGROUS... */
        QUIRKS
    }

    final Kind kind;
    final Set<String> actions;
    final Set<Long> baselineIds;
    final List<Window> windows;
    final int every;
    final long count;
    final boolean rateLimitHeader;
    final long timeLeftMillis;
    final long delayMillis;
    private final AtomicLong matches = new AtomicLong();
    private final AtomicLong injected = new AtomicLong();

    /** Simulated epoch milliseconds {@code [from, until)} in which the fault strikes. */
    record Window(long from, long until) {

        static final Window ALWAYS = new Window(Long.MIN_VALUE, Long.MAX_VALUE);

        boolean contains(long simulatedNow) {
            return simulatedNow >= from && simulatedNow < until;
        }
    }

    Fault(Kind kind, Set<String> actions, Set<Long> baselineIds, List<Window> windows, int every, long count,
            boolean rateLimitHeader, long timeLeftMillis, long delayMillis) {
        this.kind = kind;
        this.actions = Set.copyOf(actions);
        this.baselineIds = Set.copyOf(baselineIds);
        this.windows = List.copyOf(windows);
        this.every = every;
        this.count = count;
        this.rateLimitHeader = rateLimitHeader;
        this.timeLeftMillis = timeLeftMillis;
        this.delayMillis = delayMillis;
    }

    /** Whether this call gets the fault; counts the match either way. */
    boolean strikes(String action, Long baselineId, long simulatedNow) {
        if ((!actions.isEmpty() && !actions.contains(action))
                || (!baselineIds.isEmpty() && (baselineId == null || !baselineIds.contains(baselineId)))
                || windows.stream().noneMatch(w -> w.contains(simulatedNow))) {
            return false;
        }
        if (matches.incrementAndGet() % every != 0) {
            return false;
        }
        return injected.incrementAndGet() <= count;
    }

    public Kind kind() {
        return kind;
    }
}
