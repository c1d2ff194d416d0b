package dev.baselinewatch.source.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.source.CallBudget;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateSpacingTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void spacesCallsEvenlyAtTheRateWithAMarginForJitter() {
        RateSpacing rate = new RateSpacing(4, nanos::get);

        assertThat(rate.nextCallAtNanos()).isEqualTo(nanos.get());
        rate.spend();
        assertThat(rate.nextCallAtNanos() - nanos.get()).isEqualTo(262_500_000L);
        nanos.addAndGet(100_000_000L);
        assertThat(rate.nextCallAtNanos() - nanos.get()).isEqualTo(162_500_000L);
        // Idle time does not pile up into a burst.
        nanos.addAndGet(10_000_000_000L);
        rate.spend();
        assertThat(rate.nextCallAtNanos() - nanos.get()).isEqualTo(262_500_000L);
    }

    @Test
    void theNextCallIsSpacedFromThePreviousAnswerWhenItCameLate() {
        RateSpacing rate = new RateSpacing(4, nanos::get);
        rate.spend();
        // The answer took 200 ms (a first connection): the next call waits a whole spacing from it, not from the send.
        nanos.addAndGet(200_000_000L);
        rate.callEnded();
        assertThat(rate.nextCallAtNanos() - nanos.get()).isEqualTo(262_500_000L);
    }

    @Test
    void readersSplitOneRate() {
        assertThat(new CallBudget(5, 1000).share(4)).isEqualTo(new CallBudget(1.25, 250));
        assertThat(new CallBudget(5, 0).share(3).callsPerDay()).isZero();
    }
}
