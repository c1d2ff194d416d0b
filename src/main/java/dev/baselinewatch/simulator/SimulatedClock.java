package dev.baselinewatch.simulator;

import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * DataWorks time in the simulator: starts at the scenario's start and runs {@code speed} times faster
 * than the wall clock, so a day of baselines fits in a demo. The simulator reports it in the
 * {@code Date} header, which is where the job reads the service's clock.
 */
public final class SimulatedClock {

    private final long startMillis;
    private final double speed;
    private final LongSupplier wallNanos;
    private final long wallStartNanos;

    public SimulatedClock(Instant start, double speed) {
        this(start, speed, System::nanoTime);
    }

    SimulatedClock(Instant start, double speed, LongSupplier wallNanos) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("clock speed must be positive, was " + speed);
        }
        this.startMillis = start.toEpochMilli();
        this.speed = speed;
        this.wallNanos = wallNanos;
        this.wallStartNanos = wallNanos.getAsLong();
    }

    public long nowMillis() {
        long elapsedWallNanos = wallNanos.getAsLong() - wallStartNanos;
        return startMillis + (long) (elapsedWallNanos / 1_000_000.0 * speed);
    }

    public Instant now() {
        return Instant.ofEpochMilli(nowMillis());
    }

    /** Wall-clock milliseconds until simulated time reaches {@code target}; 0 if it has. */
    public long wallMillisUntil(Instant target) {
        long simulatedLeft = target.toEpochMilli() - nowMillis();
        return simulatedLeft <= 0 ? 0 : (long) Math.ceil(simulatedLeft / speed);
    }
}
