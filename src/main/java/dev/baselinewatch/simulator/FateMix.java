package dev.baselinewatch.simulator;

/**
 * How a generated population's instances fare: the fraction given each fate, the rest {@link Fate#ON_TIME}.
 * Fractions are validated to sum to at most 1.
 */
public record FateMix(double slowNode, double failedRerun, double neverStarts, double waitsForResources, double tight) {

    /** The fate a uniform draw {@code u} in [0, 1) falls on; the order is fixed so a seed always means the same fates. */
    public Fate pick(double u) {
        double cumulative = 0;
        double[] fractions = {slowNode, failedRerun, neverStarts, waitsForResources, tight};
        Fate[] fates = {Fate.SLOW_NODE, Fate.FAILED_RERUN, Fate.NEVER_STARTS, Fate.WAITS_FOR_RESOURCES, Fate.TIGHT};
        for (int i = 0; i < fractions.length; i++) {
            cumulative += fractions[i];
            if (u < cumulative) {
                return fates[i];
            }
        }
        return Fate.ON_TIME;
    }

    public double fraction(Fate fate) {
        return switch (fate) {
            case SLOW_NODE -> slowNode;
            case FAILED_RERUN -> failedRerun;
            case NEVER_STARTS -> neverStarts;
            case WAITS_FOR_RESOURCES -> waitsForResources;
            case TIGHT -> tight;
            case ON_TIME -> 1 - slowNode - failedRerun - neverStarts - waitsForResources - tight;
            default -> 0;
        };
    }
}
