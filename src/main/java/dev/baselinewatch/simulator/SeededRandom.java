package dev.baselinewatch.simulator;

/**
 * SplitMix64, written out so a generated scenario draws the same numbers on every JVM and Java version:
 * a scenario file must reproduce its instances byte for byte.
 */
final class SeededRandom {

    private long state;

    private SeededRandom(long seed) {
        this.state = seed;
    }

    /** A stream for one thing identified by {@code parts} (seed, baseline id, business date, cycle...). */
    static SeededRandom of(long... parts) {
        long seed = 0x5DEECE66DL;
        for (long part : parts) {
            seed = mix(seed ^ mix(part + 0x9E3779B97F4A7C15L));
        }
        return new SeededRandom(seed);
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) ((nextLong() >>> 1) % bound);
    }

    /** Uniform in [min, max], both ends included. */
    long between(long min, long max) {
        return min + (long) ((nextLong() >>> 1) % (max - min + 1));
    }

    /** Uniform in [min, max). */
    double between(double min, double max) {
        return min + nextDouble() * (max - min);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
