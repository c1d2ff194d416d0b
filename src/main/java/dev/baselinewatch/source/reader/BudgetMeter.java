package dev.baselinewatch.source.reader;

import dev.baselinewatch.source.CallBudget;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.LongSupplier;

/**
 * Spends one reader's share of the {@link CallBudget}: calls spaced evenly for the per-second rate
 * (no bursts, so no second ever sees more than the rate) and a count of today's calls, today being the project's day on the
 * service's clock, when DataWorks resets its quota.
 */
final class BudgetMeter {

    static final double SPACING_MARGIN = 1.05;
    private final double permitsPerNano;
    private final double capacity;
    private final long perDay;
    private final ZoneId zone;
    private final LongSupplier nanoClock;
    private double tokens;
    private long refilledAt;
    private LocalDate day;
    private long usedToday;

    BudgetMeter(CallBudget share, ZoneId zone) {
        this(share, zone, System::nanoTime);
    }

    BudgetMeter(CallBudget share, ZoneId zone, LongSupplier nanoClock) {
        // 5% wider than the rate: a few ms of network jitter must never pack one call too many into a second.
        this.permitsPerNano = share.callsPerSecond() / 1e9 / SPACING_MARGIN;
        this.capacity = 1.0;
        this.perDay = share.callsPerDay();
        this.zone = zone;
        this.nanoClock = nanoClock;
        this.tokens = 1.0;
        this.refilledAt = nanoClock.getAsLong();
    }

    /** When ({@link System#nanoTime()}) the next call fits the per-second rate. */
    long nextCallAtNanos() {
        refill();
        if (tokens >= 1.0) {
            return refilledAt;
        }
        return refilledAt + (long) Math.ceil((1.0 - tokens) / permitsPerNano);
    }

    void spend(long serviceNowMillis) {
        refill();
        tokens -= 1.0;
        rollDay(serviceNowMillis);
        usedToday++;
    }

    /** Calls left today; {@link Long#MAX_VALUE} without a daily cap. */
    long leftToday(long serviceNowMillis) {
        if (perDay == 0) {
            return Long.MAX_VALUE;
        }
        rollDay(serviceNowMillis);
        return Math.max(0, perDay - usedToday);
    }

    long perDay() {
        return perDay;
    }

    /** The service-clock instant the project's day ends, when the quota resets. */
    Instant dayEnds(long serviceNowMillis) {
        return Instant.ofEpochMilli(serviceNowMillis).atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }

    private void rollDay(long serviceNowMillis) {
        LocalDate today = Instant.ofEpochMilli(serviceNowMillis).atZone(zone).toLocalDate();
        // Only forwards: before the service's first answer the wall clock stands in, and it may be a day ahead.
        if (day == null || today.isAfter(day)) {
            day = today;
            usedToday = 0;
        }
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * permitsPerNano);
        refilledAt = now;
    }
}
