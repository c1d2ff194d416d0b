package dev.baselinewatch.source.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.source.CallBudget;
import dev.baselinewatch.source.PollingOptions;
import dev.baselinewatch.source.coordination.BudgetLedger;
import dev.baselinewatch.source.coordination.LeaseGrant;
import dev.baselinewatch.source.coordination.LeaseRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.TimeZone;
import org.apache.flink.api.connector.source.SourceEvent;
import org.junit.jupiter.api.Test;

/** The daily quota is one budget for the whole job: readers lease it from the enumerator's ledger. */
class DailyLeaseTest {

    private static final ZoneId SHANGHAI = ZoneOffset.ofHours(8);

    @Test
    void readersLeasingFromOneLedgerNeverSpendMoreThanTheDailyQuotaBetweenThem() {
        CallBudget budget = new CallBudget(100, 50);
        BudgetLedger ledger = new BudgetLedger(budget.callsPerDay(), 0, 0);
        long day = LocalDate.of(2026, 12, 3).toEpochDay();
        DailyLease[] readers = {new DailyLease(budget, 3), new DailyLease(budget, 3), new DailyLease(budget, 3)};
        CoordinatorLink[] links = {CoordinatorLink.toEnumerator(), CoordinatorLink.toEnumerator(), CoordinatorLink.toEnumerator()};
        int spent = 0;
        // One reader is busier than the others: it may spend more than a third, never more than what is left.
        for (int round = 0; round < 200; round++) {
            for (int r = 0; r < readers.length; r++) {
                int calls = r == 0 ? 3 : 1;
                for (int c = 0; c < calls; c++) {
                    if (readers[r].take(day, links[r])) {
                        spent++;
                    }
                }
                int reader = r;
                links[r].flush(event -> readers[reader].granted(ledger.grant((LeaseRequest) event)));
            }
        }
        assertThat(spent).isEqualTo(50);
        assertThat(readers).allMatch(lease -> lease.spentToday(day));
        assertThat(ledger.leftToday()).isZero();

        // A new day in the project's zone: the ledger starts over.
        assertThat(readers[1].take(day + 1, links[1])).isFalse();
        links[1].flush(event -> readers[1].granted(ledger.grant((LeaseRequest) event)));
        assertThat(readers[1].take(day + 1, links[1])).isTrue();
    }

    @Test
    void aLeaseRequestNamesTheProjectsDayWhateverTheJvmZone() {
        TimeZone jvm = TimeZone.getDefault();
        for (String zone : new String[] {"UTC", "Asia/Shanghai", "America/Los_Angeles"}) {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            try {
                CoordinatorLink link = CoordinatorLink.toEnumerator();
                CallPacer pacer = new CallPacer(PollingOptions.every(Duration.ofSeconds(1)).withBudget(new CallBudget(10, 100)),
                        SHANGHAI, 1, link);
                long beforeMidnight = LocalDate.of(2026, 12, 3).atTime(23, 59).atZone(SHANGHAI).toInstant().toEpochMilli();
                assertThat(pacer.budgetLeft(beforeMidnight, 1.0)).as("no lease yet").isFalse();
                SourceEvent[] sent = new SourceEvent[1];
                link.flush(event -> sent[0] = event);
                assertThat(sent[0]).as(zone).isEqualTo(new LeaseRequest(LocalDate.of(2026, 12, 3).toEpochDay(), 4));
                assertThat(pacer.dayEnds(beforeMidnight)).isEqualTo(LocalDate.of(2026, 12, 4).atStartOfDay(SHANGHAI).toInstant());

                pacer.granted(new LeaseGrant(LocalDate.of(2026, 12, 3).toEpochDay(), 0, 0));
                assertThat(pacer.budgetLeft(beforeMidnight, 1.0)).as("the day's budget is spent").isFalse();
                assertThat(pacer.pauseReason()).isEqualTo("BUDGET_SPENT");
                assertThat(pacer.budgetLeft(beforeMidnight + 120_000, 1.0)).as("after midnight: asks again").isFalse();
                link.flush(event -> sent[0] = event);
                assertThat(sent[0]).isEqualTo(new LeaseRequest(LocalDate.of(2026, 12, 4).toEpochDay(), 4));
            } finally {
                TimeZone.setDefault(jvm);
            }
        }
    }
}
