package dev.baselinewatch.source.reader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BudgetGovernorTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long TEN_HOURS = 36_000 * SECOND;

    @Test
    void degradesAsFarAsTheShortfallCallsForAndRecoversStepByStep() {
        BudgetGovernor governor = new BudgetGovernor(2);
        // 1 call a second per reader, two readers, ten hours left: 72,000 calls needed.
        governor.roundEnded(60, 60 * SECOND, 100_000, TEN_HOURS);
        assertThat(governor.level()).isZero();
        governor.roundEnded(60, 60 * SECOND, 50_000, TEN_HOURS);
        assertThat(governor.level()).as("needs 1.44x what is left").isEqualTo(1);
        governor.roundEnded(60, 60 * SECOND, 1_000, TEN_HOURS);
        assertThat(governor.level()).as("needs 72x").isEqualTo(BudgetGovernor.MAX_LEVEL);

        // The pace drops (the degraded schedule works): back down, one level per few rounds, not all at once.
        for (int round = 0; round < 4; round++) {
            governor.roundEnded(0, 60 * SECOND, 1_000_000, TEN_HOURS);
        }
        assertThat(governor.level()).isEqualTo(BudgetGovernor.MAX_LEVEL);
        governor.roundEnded(0, 60 * SECOND, 1_000_000, TEN_HOURS);
        assertThat(governor.level()).isEqualTo(2);
    }

    @Test
    void withoutADailyCapNothingIsDegraded() {
        BudgetGovernor governor = new BudgetGovernor(1);
        governor.roundEnded(1_000, SECOND, Long.MAX_VALUE, TEN_HOURS);
        assertThat(governor.level()).isZero();
    }
}
