package dev.baselinewatch.source.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baselinewatch.event.StatusInfo;
import dev.baselinewatch.source.PollingOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

    private static final long MINUTE = 60_000;
    private final PollSchedule schedule = new PollSchedule(PollingOptions.every(Duration.ofSeconds(60))
            .withUrgency(Duration.ofMinutes(15), Duration.ofHours(2), Duration.ofMinutes(5)));

    @Test
    void urgentInstancesArePolledEachIntervalFarOnesRarelyFinishedOnesNever() {
        assertThat(schedule.intervalNanos(Urgency.AT_RISK, 5, 0)).isEqualTo(Duration.ofSeconds(60).toNanos());
        assertThat(schedule.intervalNanos(Urgency.NEAR, 5, 0)).isEqualTo(Duration.ofSeconds(60).toNanos());
        assertThat(schedule.intervalNanos(Urgency.FAR, 5, 0)).isEqualTo(Duration.ofMinutes(15).toNanos());
        assertThat(schedule.intervalNanos(Urgency.ABSENT, 5, 0)).isEqualTo(Duration.ofMinutes(15).toNanos());
        assertThat(schedule.intervalNanos(Urgency.FINISHED, 5, 0)).isGreaterThan(Duration.ofDays(365).toNanos());
    }

    @Test
    void aShortBudgetSlowsLowPrioritiesFirstAndInstancesInTroubleLast() {
        // Level 1: only priority 1-3 baselines that are not in trouble.
        assertThat(PollSchedule.slowdown(Urgency.FAR, 1, 1)).isEqualTo(4);
        assertThat(PollSchedule.slowdown(Urgency.AT_RISK, 1, 1)).isEqualTo(1);
        assertThat(PollSchedule.slowdown(Urgency.FAR, 5, 1)).isEqualTo(1);
        assertThat(PollSchedule.slowdown(Urgency.FAR, 8, 1)).isEqualTo(1);
        // Level 2: low ones more, the middle ones too.
        assertThat(PollSchedule.slowdown(Urgency.NEAR, 3, 2)).isEqualTo(16);
        assertThat(PollSchedule.slowdown(Urgency.LATE, 3, 2)).isEqualTo(2);
        assertThat(PollSchedule.slowdown(Urgency.NEAR, 5, 2)).isEqualTo(4);
        assertThat(PollSchedule.slowdown(Urgency.NEAR, 7, 2)).isEqualTo(1);
        // Level 3: the highest priority only when not in trouble.
        assertThat(PollSchedule.slowdown(Urgency.FAR, 8, 3)).isEqualTo(4);
        assertThat(PollSchedule.slowdown(Urgency.LATE, 8, 3)).isEqualTo(1);
        for (Urgency urgency : Urgency.values()) {
            for (int level = 0; level <= BudgetGovernor.MAX_LEVEL; level++) {
                assertThat(PollSchedule.slowdown(urgency, 1, level)).as(urgency + " level " + level)
                        .isGreaterThanOrEqualTo(PollSchedule.slowdown(urgency, 8, level));
            }
        }
    }

    @Test
    void aBlindSpotAllowsAtLeastTheConfiguredTimeAndTwoMissedPollsOfARareInstance() {
        assertThat(schedule.blindSpotNanos(Urgency.AT_RISK, 5, 0)).isEqualTo(Duration.ofMinutes(5).toNanos());
        assertThat(schedule.blindSpotNanos(Urgency.FAR, 5, 0)).isEqualTo(Duration.ofMinutes(31).toNanos());
    }

    @Test
    void urgencyFollowsTheStatusAndTheClock() {
        long now = 1_000 * MINUTE;
        StatusInfo status = new StatusInfo();
        status.status = "SAFE";
        status.slaTime = now + 300 * MINUTE;
        status.expTime = now + 270 * MINUTE;
        status.endCast = now + 100 * MINUTE;
        assertThat(Urgency.of(status, now, 120 * MINUTE)).isEqualTo(Urgency.FAR);
        assertThat(Urgency.of(status, now + 200 * MINUTE, 120 * MINUTE)).isEqualTo(Urgency.NEAR);
        assertThat(Urgency.of(status, now + 270 * MINUTE, 120 * MINUTE)).isEqualTo(Urgency.AT_RISK);
        assertThat(Urgency.of(status, now + 300 * MINUTE, 120 * MINUTE)).isEqualTo(Urgency.LATE);
        status.status = "DANGEROUS";
        assertThat(Urgency.of(status, now, 120 * MINUTE)).isEqualTo(Urgency.AT_RISK);
        status.finished = true;
        assertThat(Urgency.of(status, now + 400 * MINUTE, 120 * MINUTE)).isEqualTo(Urgency.FINISHED);
    }
}
