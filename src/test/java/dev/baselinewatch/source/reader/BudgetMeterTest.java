package dev.baselinewatch.source.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.source.CallBudget;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BudgetMeterTest {

    private static final ZoneId SHANGHAI = ZoneOffset.ofHours(8);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void spacesCallsEvenlyAtTheRateWithAMarginForJitter() {
        BudgetMeter meter = new BudgetMeter(new CallBudget(4, 0), SHANGHAI, nanos::get);

        assertThat(meter.nextCallAtNanos()).isEqualTo(nanos.get());
        meter.spend(0);
        assertThat(meter.nextCallAtNanos() - nanos.get()).isEqualTo(262_500_000L);
        nanos.addAndGet(100_000_000L);
        assertThat(meter.nextCallAtNanos() - nanos.get()).isEqualTo(162_500_000L);
        // Idle time does not pile up into a burst.
        nanos.addAndGet(10_000_000_000L);
        meter.spend(0);
        assertThat(meter.nextCallAtNanos() - nanos.get()).isEqualTo(262_500_000L);
    }

    @Test
    void theDailyShareResetsAtMidnightInTheProjectsZoneWhateverTheJvmZone() {
        TimeZone jvm = TimeZone.getDefault();
        for (String zone : new String[] {"UTC", "Asia/Shanghai", "America/Los_Angeles"}) {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            try {
                BudgetMeter meter = new BudgetMeter(new CallBudget(1000, 2), SHANGHAI, nanos::get);
                long beforeMidnight = LocalDate.of(2026, 12, 3).atTime(23, 59).atZone(SHANGHAI).toInstant().toEpochMilli();
                meter.spend(beforeMidnight);
                meter.spend(beforeMidnight);
                assertThat(meter.leftToday(beforeMidnight)).as(zone).isZero();
                assertThat(meter.dayEnds(beforeMidnight)).isEqualTo(LocalDate.of(2026, 12, 4).atStartOfDay(SHANGHAI).toInstant());
                assertThat(meter.leftToday(beforeMidnight + 60_000)).as(zone).isEqualTo(2);
            } finally {
                TimeZone.setDefault(jvm);
            }
        }
    }

    @Test
    void readersSplitOneBudget() {
        assertThat(new CallBudget(5, 1000).share(4)).isEqualTo(new CallBudget(1.25, 250));
        assertThat(new CallBudget(5, 0).share(3).callsPerDay()).isZero();
    }
}
